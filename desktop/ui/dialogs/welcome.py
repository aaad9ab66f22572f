"""The first-start dialog: set up an office, try demo data, or open another database."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Slot
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.app import AppServices
from desktop.services.office import OfficeInfo
from desktop.ui.dialogs.demo import DEMO_WORKERS, demo_path
from desktop.ui.dialogs.office_setup import OfficeSetupForm
from desktop.ui.i18n import number
from desktop.ui.widgets import HintLabel, heading_label


class WelcomeChoice(Enum):
    """What the user chose in the welcome dialog."""

    NONE = "none"
    SET_UP = "set_up"
    DEMO = "demo"  # open (making it when needed) the demo database beside this one
    OPEN_OTHER = "open_other"
    JOIN = "join"  # a kecamatan laptop joins the regency hub with its enrolment file


class ChoiceButton(QCommandLinkButton):
    """A command link that shows plainly when it has the keyboard focus.

    Fusion draws no focus on a command link: the focused choice gets a tint and a frame
    in the highlight colour, so a clerk using the keyboard sees what Enter will open.
    """

    FRAME_WIDTH = 2

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        focused = self.hasFocus()
        highlight = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        if focused:
            tint = QColor(highlight)
            tint.setAlpha(36)
            under = QPainter(self)
            under.setRenderHint(QPainter.RenderHint.Antialiasing)
            under.setPen(Qt.PenStyle.NoPen)
            under.setBrush(tint)
            under.drawRoundedRect(box, 4, 4)
            under.end()
        super().paintEvent(event)
        if focused:
            over = QPainter(self)
            over.setRenderHint(QPainter.RenderHint.Antialiasing)
            over.setPen(QPen(highlight, self.FRAME_WIDTH))
            over.setBrush(Qt.BrushStyle.NoBrush)
            over.drawRoundedRect(box, 4, 4)
            over.end()


class WelcomeDialog(QDialog):
    """Shown when the open database belongs to no office yet."""

    PAGE_CHOICES, PAGE_SET_UP = range(2)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.choice = WelcomeChoice.NONE
        self.office_info: OfficeInfo | None = None
        self.setWindowTitle(self.tr("Selamat datang di Sigap"))
        self.setMinimumWidth(600)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choices_page())
        self.pages.addWidget(self._set_up_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.pages)

    # ---- pages ---------------------------------------------------------------------------

    def _choices_page(self) -> QWidget:
        page = QWidget()
        intro = HintLabel(
            self.tr(
                "Basis data {file} belum disiapkan untuk sebuah kantor. Pilih cara memulai:"
            ).format(file=self._services.path.name)
        )
        intro.setToolTip(str(self._services.path))
        self.set_up_button = ChoiceButton(
            self.tr("Siapkan kantor"),
            self.tr(
                "Isi jenis kantor, kode wilayah dan nama kantor. Pilih ini untuk bekerja "
                "dengan data sungguhan."
            ),
        )
        self.join_button = ChoiceButton(
            self.tr("Bergabung dengan kantor kabupaten"),
            self.tr(
                "Untuk laptop kecamatan: pakai berkas pendaftaran dan kode sekali pakai dari "
                "kantor kabupaten. Data kecamatan ikut dimuat."
            ),
        )
        self.demo_button = ChoiceButton(
            self.tr("Buka data contoh"),
            self.tr(
                "Buka basis data terpisah ({file}) berisi kantor kabupaten contoh dengan "
                "{workers} peserta dan klaim rekaan, untuk latihan. Basis data ini tetap kosong."
            ).format(file=demo_path(self._services.path).name, workers=number(DEMO_WORKERS)),
        )
        self.open_button = ChoiceButton(
            self.tr("Buka basis data lain…"),
            self.tr("Pilih berkas basis data Sigap yang sudah ada."),
        )
        self.later_button = QPushButton(self.tr("Nanti saja"))
        # The choices in the order Tab and the arrow keys walk them; the first is the one
        # most people want, and Enter opens the focused one.
        self.choice_buttons = [
            self.set_up_button,
            self.join_button,
            self.demo_button,
            self.open_button,
        ]
        for button in self.choice_buttons:
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAutoDefault(True)
            button.installEventFilter(self)
        self.set_up_button.clicked.connect(self._go_set_up)
        self.join_button.clicked.connect(self._join)
        self.demo_button.clicked.connect(self._load_demo)
        self.open_button.clicked.connect(self._open_other)
        self.later_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.later_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading_label(self.tr("Selamat datang di Sigap")))
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.set_up_button)
        layout.addWidget(self.join_button)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.open_button)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self._focus_first_choice()
        return page

    def _set_up_page(self) -> QWidget:
        page = QWidget()
        self.form = OfficeSetupForm(self._services.office, self._services.regions)
        hint = HintLabel(
            self.tr(
                "Kantor kabupaten (pusat) memakai kode kabupaten, misalnya 16.02. Kantor "
                "kecamatan memakai kode kecamatan, misalnya 16.02.05. Kode boleh ditulis "
                "tanpa titik."
            )
        )
        self.back_button = QPushButton(self.tr("&Kembali"))
        self.submit_button = QPushButton(self.tr("&Siapkan kantor"))
        self.back_button.clicked.connect(self._go_choices)
        self.submit_button.clicked.connect(self._submit)
        # Grey until the required fields have something in them; the form says why.
        self.submit_button.setEnabled(self.form.is_ready())
        self.form.readyChanged.connect(self.submit_button.setEnabled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading_label(self.tr("Siapkan kantor")))
        layout.addWidget(hint)
        layout.addWidget(self.form)
        # The buttons right under the form, beside the line that says why one is grey.
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    # ---- keyboard ------------------------------------------------------------------------

    def _focus_first_choice(self) -> None:
        first = self.set_up_button
        first.setDefault(True)
        first.setFocus(Qt.FocusReason.TabFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Up/Down (and Left/Right) move between the choices; the other keys go on."""
        if (
            event.type() == QEvent.Type.KeyPress
            and watched in self.choice_buttons
            and isinstance(event, QKeyEvent)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            step = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Right: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_Left: -1,
            }.get(Qt.Key(event.key()))
            if step is not None:
                buttons = self.choice_buttons
                index = buttons.index(watched)
                target = buttons[max(0, min(len(buttons) - 1, index + step))]
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    # ---- actions -------------------------------------------------------------------------

    @Slot()
    def _go_set_up(self) -> None:
        self.pages.setCurrentIndex(self.PAGE_SET_UP)
        self.submit_button.setDefault(True)
        self.form.region_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _go_choices(self) -> None:
        self.pages.setCurrentIndex(self.PAGE_CHOICES)
        self.submit_button.setDefault(False)
        self._focus_first_choice()

    @Slot()
    def _submit(self) -> None:
        info = self.form.submit()
        if info is not None:
            self.office_info = info
            self.choice = WelcomeChoice.SET_UP
            self.accept()

    @Slot()
    def _open_other(self) -> None:
        self.choice = WelcomeChoice.OPEN_OTHER
        self.accept()

    @Slot()
    def _join(self) -> None:
        self.choice = WelcomeChoice.JOIN
        self.accept()

    @Slot()
    def _load_demo(self) -> None:
        self.choice = WelcomeChoice.DEMO
        self.accept()
