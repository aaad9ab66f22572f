"""The regency admin's list of public holidays (counted out of working-day deadlines).

``HolidaysDialog(services)``: the holidays by year (date, weekday, name); the admin at the
hub adds a day (date and name) and removes one (asked first); anyone else reads the list,
with a line that says why it cannot be changed here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.calendar import Holiday
from desktop.domain.dates import day_name, long_date
from desktop.domain.findings import DomainError
from desktop.services.app import AppServices
from desktop.services.holidays import NAME_MAX
from desktop.services.permissions import Actor
from desktop.ui import messages
from desktop.ui.dialogs.form_rows import FormGrid, required_legend
from desktop.ui.dialogs.sizing import open_size
from desktop.ui.i18n import error_text, finding_text, number
from desktop.ui.jobs import Job
from desktop.ui.roster.form_parts import DateField, FieldMessage, join_names
from desktop.ui.widgets import EmptyMessage, HintLabel

OPEN_WIDTH = 620
OPEN_HEIGHT = 600
COL_DATE, COL_DAY, COL_NAME = range(3)
_DAY_ROLE = Qt.ItemDataRole.UserRole


class HolidaysDialog(QDialog):
    """Add and remove the holidays the claim clock skips."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        # What to do once the running claims' deadlines follow a change of the list (the
        # window shows them again); the recompute may end after the dialog closed.
        self.deadlines_moved: Callable[[], None] = lambda: None
        self.recompute_job: Job | None = None
        self.setWindowTitle(self.tr("Hari libur"))
        self._actor = self._local_actor()
        self._refused: tuple[str, str] | None = None  # the fields as the service refused them
        self._reason_shown = ""  # why Tambah is grey, as the line under the fields says it
        refusal = services.holidays.edit_refusal(self._actor)
        self.can_edit = refusal is None

        self.intro = HintLabel(self._intro_text())
        self.read_only_hint = HintLabel(finding_text(refusal) if refusal is not None else "")
        self.read_only_hint.setObjectName("holidaysReadOnly")
        self.read_only_hint.setVisible(refusal is not None)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Tanggal"), self.tr("Hari"), self.tr("Nama")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(COL_DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DAY, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.empty_message = EmptyMessage(self.tree)

        self.date_edit = DateField(self.tr("Tanggal"), earliest=date(2000, 1, 1))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setPlaceholderText(self.tr("mis. Hari Raya Idulfitri, Cuti bersama"))
        self.add_message = FieldMessage(lines=2)
        self.add_button = QPushButton(self.tr("&Tambah"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("&Hapus…"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.date_edit.checkNeeded.connect(self._check)
        self.name_edit.textChanged.connect(self._check)
        self.name_edit.returnPressed.connect(self.add)

        form = FormGrid()
        form.add_row(self.tr("Tan&ggal"), self.date_edit, required=True)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.add_button)
        form.add_row(self.tr("&Nama"), name_row, required=True, buddy=self.name_edit)
        form.add_line(self.add_message)
        self.add_panel = QWidget()
        panel = QVBoxLayout(self.add_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.addLayout(form)
        panel.addWidget(required_legend())
        self.add_panel.setVisible(self.can_edit)

        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(
            self.tr("T&utup"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        self.remove_button.setVisible(self.can_edit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.read_only_hint)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.add_panel)
        layout.addLayout(bottom)

        self.reload()
        self._check()
        open_size(self, OPEN_WIDTH, OPEN_HEIGHT)

    # ---- reading -------------------------------------------------------------------------

    def _local_actor(self) -> Actor | None:
        try:
            return self._services.office.local_actor()
        except DomainError:
            return None

    def _intro_text(self) -> str:
        text = self.tr(
            "Hari libur nasional dan cuti bersama tidak dihitung dalam batas waktu klaim "
            "bila batas waktu dihitung dalam hari kerja (Senin–Jumat)."
        )
        if self._actor is None:
            return text
        try:
            known = self._services.office.known_settings(self._actor)
        except DomainError:
            return text
        working = any(s.key == "claim.working_days" and value for s, value, _ in known)
        if working:
            return text + " " + self.tr("Kantor ini menghitung batas waktu dalam hari kerja.")
        return (
            text
            + " "
            + self.tr(
                "Kantor ini menghitung batas waktu dalam hari kalender, jadi daftar ini belum "
                "dipakai."
            )
        )

    def holidays(self) -> list[Holiday]:
        """The list as shown."""
        if self._actor is None:
            return []
        return self._services.holidays.list_holidays(self._actor)

    def reload(self, select: date | None = None) -> None:
        """Read the list again, grouped by year; the current year (or *select*'s) open."""
        self.tree.clear()
        listed = self.holidays()
        years: dict[int, QTreeWidgetItem] = {}
        chosen: QTreeWidgetItem | None = None
        for holiday in listed:
            year = years.get(holiday.day.year)
            if year is None:
                year = QTreeWidgetItem([str(holiday.day.year)])
                year.setFirstColumnSpanned(False)
                self.tree.addTopLevelItem(year)
                years[holiday.day.year] = year
            item = QTreeWidgetItem(
                [holiday.day.strftime("%d-%m-%Y"), day_name(holiday.day), holiday.name]
            )
            item.setData(COL_DATE, _DAY_ROLE, holiday.day.isoformat())
            item.setToolTip(COL_NAME, f"{long_date(holiday.day)}: {holiday.name}")
            year.addChild(item)
            if holiday.day == select:
                chosen = item
        for value, year in years.items():
            year.setText(
                COL_DAY,
                self.tr("{count} hari libur").format(count=number(year.childCount())),
            )
            font = year.font(COL_DATE)
            font.setBold(True)
            year.setFont(COL_DATE, font)
            open_year = (select.year if select else date.today().year) == value
            year.setExpanded(open_year or len(years) == 1)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
            self.tree.scrollToItem(chosen)
        if listed:
            self.empty_message.hide()
        else:
            self.empty_message.show_message(
                self.tr("Belum ada hari libur di daftar. Tambahkan tanggal dan namanya di bawah.")
                if self.can_edit
                else self.tr("Belum ada hari libur di daftar."),
                action=False,
            )
        self._selection_changed()

    def selected_day(self) -> date | None:
        """The holiday selected in the list, or None (a year's line is no holiday)."""
        item = self.tree.currentItem()
        value = item.data(COL_DATE, _DAY_ROLE) if item is not None else None
        return date.fromisoformat(str(value)) if value else None

    @Slot()
    def _selection_changed(self) -> None:
        chosen = self.selected_day() is not None
        self.remove_button.setEnabled(self.can_edit and chosen)
        self.remove_button.setToolTip(
            "" if chosen else self.tr("Pilih dulu hari libur yang akan dihapus.")
        )

    # ---- adding and removing -------------------------------------------------------------

    def _missing_and_wrong(self) -> tuple[list[str], list[str]]:
        missing: list[str] = []
        wrong: list[str] = []
        if self.date_edit.problem() or not self.date_edit.is_acceptable():
            wrong.append(self.date_edit.name)
        elif self.date_edit.is_empty():
            missing.append(self.date_edit.name)
        if not self.name_edit.text().strip():
            missing.append(self.tr("Nama"))
        return missing, wrong

    @Slot()
    def _check(self) -> None:
        problem = self.date_edit.problem()
        missing, wrong = self._missing_and_wrong()
        if problem:
            self.add_message.show_error(problem)
        elif self.add_message.kind() == "error" and not self._refused_now():
            self.add_message.clear_message()
        reason = ""
        if missing:
            reason = self.tr("Untuk menambah, isi {fields}.").format(fields=join_names(missing))
        elif wrong:
            reason = self.tr("Untuk menambah, perbaiki {fields}.").format(fields=join_names(wrong))
        self.add_button.setEnabled(self.can_edit and not reason)
        self.add_button.setToolTip(reason)
        typed = not self.date_edit.is_empty() or bool(self.name_edit.text().strip())
        if self.add_message.kind() != "error":
            if typed and reason:
                self.add_message.show_hint(reason)  # why Tambah is grey, under the fields
            elif typed or self.add_message.message() == self._reason_shown:
                self.add_message.clear_message()
        self._reason_shown = reason if typed else ""

    def _refused_now(self) -> bool:
        """True while the fields hold what the service last refused (its message stays)."""
        return self._refused == (self.date_edit.text(), self.name_edit.text())

    @Slot()
    def add(self) -> bool:
        """Add the typed date and name to the list; a refusal is said under the fields,
        which keep what was typed. True when the day was added."""
        if not self.can_edit or self._actor is None or not self.add_button.isEnabled():
            return False
        day = self.date_edit.date()
        if day is None:
            return False
        mark = self._services.claims.change_mark()
        try:
            self._services.holidays.add_holiday(
                self._actor, day, self.name_edit.text(), recompute=False
            )
        except DomainError as exc:
            self._refused = (self.date_edit.text(), self.name_edit.text())
            self.add_message.show_error(error_text(exc))
            return False
        self._refused = None
        self._recompute_deadlines(mark)
        self.date_edit.setDate(None)
        self.name_edit.clear()
        self.add_message.show_hint(
            self.tr("{date} ditambahkan ke daftar hari libur.").format(date=long_date(day))
        )
        self.reload(select=day)
        self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    @Slot()
    def remove_selected(self) -> bool:
        """Remove the selected holiday, asked first (No is the default)."""
        day = self.selected_day()
        item = self.tree.currentItem()
        if not self.can_edit or self._actor is None or day is None or item is None:
            return False
        if not messages.ask(
            self,
            self.tr("Hapus hari libur"),
            self.tr(
                "Hapus {date} ({name}) dari daftar hari libur? Batas waktu klaim yang sedang "
                "berjalan dihitung ulang."
            ).format(date=long_date(day), name=item.text(COL_NAME)),
            yes=self.tr("Hapus"),
            default_no=True,
        ):
            return False
        mark = self._services.claims.change_mark()
        try:
            self._services.holidays.remove_holiday(self._actor, day, recompute=False)
        except DomainError as exc:
            messages.warn(self, self.tr("Hapus hari libur"), error_text(exc))
            self.reload()
            return False
        self._recompute_deadlines(mark)
        self.add_message.show_hint(
            self.tr("{date} dihapus dari daftar hari libur.").format(date=long_date(day))
        )
        self.reload()
        return True

    def _recompute_deadlines(self, mark: int) -> None:
        """The running claims' deadlines follow the list, off the window's thread (with a
        progress dialog when it takes a while); the window is told when they have."""
        actor = self._actor
        assert actor is not None
        claims = self._services.claims
        self.recompute_job = Job(
            self.parentWidget() or self,
            lambda _progress, _cancel: claims.recompute_since(actor, mark),
            title=self.tr("Batas waktu klaim dihitung ulang"),
            cancellable=False,
        )
        moved = self.deadlines_moved  # called after the dialog may have closed
        self.recompute_job.on_done(lambda _changed: moved()).start()

    # ---- closing -------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        """True when a date or a name is typed and not added yet."""
        return self.can_edit and (
            not self.date_edit.is_empty() or bool(self.name_edit.text().strip())
        )

    def reject(self) -> None:
        """Tutup or Esc: a day typed and not added is asked about first."""
        if self.is_dirty():
            choice = messages.ask_unsaved(self, self.windowTitle())
            if choice == "cancel":
                return
            if choice == "save" and not self.add():
                return
        super().reject()
