"""Parts of a data-entry form that the roster's worker form shows first and the claims and
heirs forms copy (issue 18, item 7), on top of :mod:`desktop.ui.dialogs.form_rows` (captions
with a red "*", the legend, the line beside a grey button):

- :class:`DateField`: a date typed as dd-mm-yyyy or picked from a calendar (Alt+↓), EMPTY
  until one is given (no 01-01-1980 standing in for "not known"), that knows when it is
  unfinished, not a real date, or outside its range, and says so in the field's own words;
- :class:`FieldMessage`: the line under a field for its error (red), warning (brown) or
  hint (grey), in a room of fixed height so no field moves as messages come and go; a text
  longer than the room ends in "…" and is whole in the tooltip;
- :func:`blocked_reason`: why a form's Simpan is grey ("Untuk menyimpan, isi NIK dan Nama
  lengkap."), naming the fields, with :func:`join_names` for Indonesian lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, QPoint, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from desktop.domain.dates import long_date
from desktop.ui.dialogs.form_rows import ERROR_COLOR, ErrorLine
from desktop.ui.i18n import translate

WARNING_COLOR = "#8a5a00"
EARLIEST = date(1900, 1, 1)
_MASK = "00-00-0000"


# ---- dates ------------------------------------------------------------------------------


class DateField(QLineEdit):
    """A date typed as dd-mm-yyyy ("17081990" is enough: the dashes are in place), or picked
    from a calendar (the button at its end, Alt+↓ or F4). Empty until a date is given.

    *name* is the field's caption without "&" or "*" ("Tanggal lahir"): the messages of
    :meth:`problem` use it. *latest* gives the last date allowed (e.g. ``date.today`` for a
    birth date), *earliest* the first.
    """

    dateEdited = Signal()  # the user typed or picked a date (setDate does not emit it)
    checkNeeded = Signal()  # the text changed, or the user left the field

    def __init__(
        self,
        name: str,
        *,
        latest: Callable[[], dt.date] | None = None,
        earliest: dt.date | None = EARLIEST,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._latest = latest
        self._earliest = earliest
        self._left = False  # the user left the field unfinished: that is an error now
        # Empty and not being typed in, the field shows what to type (hh-bb-tttt); the mask
        # that keeps the dashes in place comes with the first key or click.
        self.setPlaceholderText(translate("FormParts", "hh-bb-tttt"))
        self.setAccessibleName(name)
        self.setToolTip(
            translate(
                "FormParts",
                "Ketik tanggal sebagai hh-bb-tttt (mis. 17081990 untuk 17-08-1990), "
                "atau tekan Alt+↓ untuk memilih dari kalender.",
            )
        )
        self.calendar_action = self.addAction(
            _calendar_icon(self.palette().text().color()),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        self.calendar_action.setToolTip(translate("FormParts", "Pilih dari kalender (Alt+↓)"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.calendar: QCalendarWidget | None = None
        self.textEdited.connect(self._edited)
        self.textChanged.connect(lambda _text: self.checkNeeded.emit())
        width = self.fontMetrics().horizontalAdvance("00-00-00000") + 48
        self.setMinimumWidth(width)
        self.setMaximumWidth(width + 40)

    # ---- value ---------------------------------------------------------------------------

    def date(self) -> dt.date | None:
        """The date shown, or None when the field is empty, unfinished or not a real date."""
        parts = self._parts()
        if parts is None:
            return None
        day, month, year = parts
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None

    def setDate(self, value: dt.date | None) -> None:
        """Show *value* (None empties the field); not an edit by the user."""
        self._left = False
        if value is None:
            self.setText("")
            if not self.hasFocus():
                self.setInputMask("")  # the placeholder shows again
            return
        self._mask()
        self.setText(f"{value.day:02d}-{value.month:02d}-{value.year:04d}")

    def _mask(self) -> None:
        """Put the dd-mm-yyyy mask on (typing starts at the day of an empty field)."""
        if self.inputMask():
            return
        self.setInputMask(_MASK)
        if self.is_empty():
            self.setCursorPosition(0)

    def typed(self) -> str:
        """What is typed ("01-07-19" while unfinished), "" when nothing is."""
        return "" if self.is_empty() else self.text()

    def is_empty(self) -> bool:
        """True when nothing is typed."""
        return not self.text().replace("-", "").strip()

    def is_acceptable(self) -> bool:
        """True when the field is empty or holds a real date in its range."""
        return self.is_empty() or (self.date() is not None and not self._range_problem())

    def problem(self) -> str:
        """What is wrong with the date, in words for the line under it ("" when nothing is).

        A date being typed is not wrong yet; it is once the user leaves it unfinished."""
        if self.is_empty():
            return ""
        if self._parts() is None:
            if not self._left:
                return ""
            return translate(
                "FormParts", "{field} belum lengkap: ketik hari, bulan dan tahun (hh-bb-tttt)."
            ).format(field=self.name)
        if self.date() is None:
            return translate(
                "FormParts", "{field} {text} bukan tanggal yang ada: periksa hari dan bulannya."
            ).format(field=self.name, text=self.displayText().replace(" ", ""))
        return self._range_problem()

    def _range_problem(self) -> str:
        day = self.date()
        if day is None:
            return ""
        if self._latest is not None and day > self._latest():
            return translate("FormParts", "{field} tidak boleh setelah hari ini.").format(
                field=self.name
            )
        if self._earliest is not None and day < self._earliest:
            return translate("FormParts", "{field} tidak boleh sebelum {date}.").format(
                field=self.name, date=long_date(self._earliest)
            )
        return ""

    def set_earliest(self, earliest: dt.date | None) -> None:
        """Change the first date allowed (e.g. a date of death not before the birth)."""
        self._earliest = earliest
        self.checkNeeded.emit()

    def _parts(self) -> tuple[int, int, int] | None:
        """Day, month and year when all three are typed (the year in four digits)."""
        pieces = [piece.strip() for piece in self.text().split("-")]
        if len(pieces) != 3 or not all(pieces) or len(pieces[2]) != 4:
            return None
        if not all(piece.isdigit() for piece in pieces):
            return None
        return int(pieces[0]), int(pieces[1]), int(pieces[2])

    # ---- typing and the calendar ---------------------------------------------------------

    @Slot(str)
    def _edited(self, _text: str) -> None:
        self._left = False
        self.dateEdited.emit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """The mask comes on as the field is entered."""
        self._mask()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving an unfinished date makes it an error; a whole one is shown in full; an
        empty one shows its placeholder again."""
        super().focusOutEvent(event)
        if event.reason() == Qt.FocusReason.PopupFocusReason:
            return  # the calendar (or a menu) opened over the field
        if self.is_empty():
            self.setInputMask("")
        day = self.date()
        if day is not None:
            shown = self.text()
            self.setDate(day)  # "1 -7 -1990" reads "01-07-1990"
            if self.text() != shown:
                self.dateEdited.emit()
        elif not self.is_empty():
            self._left = True
        self.checkNeeded.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click into an empty field starts at the day, wherever it lands."""
        self._mask()
        super().mousePressEvent(event)
        if self.is_empty():
            self.setCursorPosition(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Alt+↓ or F4 opens the calendar."""
        alt_down = event.key() == Qt.Key.Key_Down and (
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.show_calendar()
            return
        if event.text() and not self.isReadOnly():
            self._mask()
        super().keyPressEvent(event)

    @Slot()
    def show_calendar(self) -> None:
        """Open a calendar under the field; a day clicked (or Enter) fills the field."""
        if self.isReadOnly() or not self.isEnabled():
            return
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setGridVisible(True)
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        if self._earliest is not None:
            calendar.setMinimumDate(_qdate(self._earliest))
        if self._latest is not None:
            calendar.setMaximumDate(_qdate(self._latest()))
        start = self.date() or (self._latest() if self._latest is not None else dt.date.today())
        calendar.setSelectedDate(_qdate(start))
        calendar.clicked.connect(self._picked)
        calendar.activated.connect(self._picked)
        calendar.destroyed.connect(self._calendar_closed)
        calendar.adjustSize()
        calendar.move(_inside_screen(self, calendar.size()))
        self.calendar = calendar
        calendar.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    @Slot(QDate)
    def _picked(self, day: QDate) -> None:
        self.setDate(dt.date(day.year(), day.month(), day.day()))
        self.dateEdited.emit()
        if self.calendar is not None:
            self.calendar.close()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _calendar_closed(self) -> None:
        self.calendar = None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _inside_screen(field: QWidget, size: QSize) -> QPoint:
    """Under the field, moved up or left as far as needed to stay on its screen."""
    below = field.mapToGlobal(QPoint(0, field.height()))
    screen = field.screen()
    if screen is None:
        return below
    area: QRect = screen.availableGeometry()
    x = min(max(below.x(), area.left()), area.right() - size.width())
    y = below.y()
    if y + size.height() > area.bottom():
        y = field.mapToGlobal(QPoint(0, 0)).y() - size.height()
    return QPoint(x, max(y, area.top()))


def _calendar_icon(color: QColor) -> QIcon:
    """A small calendar sheet drawn in the text colour (Qt's styles have none)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(color)
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(1, 2, 14, 3, color)
    for row in range(2):
        for col in range(3):
            painter.fillRect(4 + col * 3, 8 + row * 3, 2, 2, color)
    painter.end()
    return QIcon(pixmap)


# ---- lines under the fields -------------------------------------------------------------


class FieldMessage(ErrorLine):
    """The line under a field: an error (red), a warning (brown) or a hint (grey), in a room
    of *lines* lines that stays while it is empty, so the fields below never move. A text
    longer than the room ends in "…"; the tooltip holds all of it."""

    def __init__(self, lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(lines, parent)
        self._lines = lines
        self._message = ""
        self._kind = ""
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + 2)

    def message(self) -> str:
        """The whole text of the line ("" when it is empty)."""
        return self._message

    def kind(self) -> str:
        """ "error", "warning", "hint", or "" when the line is empty."""
        return self._kind

    def show_error(self, text: str) -> None:
        """Show *text* in red; an empty text clears the line."""
        self._show(text, "error", f"color: {ERROR_COLOR};")

    def show_warning(self, text: str) -> None:
        """Show *text* in brown (saving stays possible); an empty text clears the line."""
        self._show(text, "warning", f"color: {WARNING_COLOR};")

    def show_hint(self, text: str) -> None:
        """Show *text* in the muted colour of hints; an empty text clears the line."""
        palette = QGuiApplication.palette()  # this line's own palette follows its style sheet
        c = palette.color(palette.ColorRole.PlaceholderText)  # the text colour, half seen
        self._show(text, "hint", f"color: rgba({c.red()}, {c.green()}, {c.blue()}, {c.alpha()});")

    def clear_message(self) -> None:
        """Empty the line (its room stays)."""
        self._show("", "", "")

    def _show(self, text: str, kind: str, style: str) -> None:
        self._message = text
        self._kind = kind if text else ""
        if style != self.styleSheet():
            self.setStyleSheet(style)
        self._fit()
        self.setVisible(bool(text))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the text to the new width."""
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The whole text when it fits the room, else as many words as fit and "…"."""
        self.setText(self._message)
        self.setToolTip("")
        width = self.contentsRect().width()
        if not self._message or not self.window().isVisible() or width <= 0:
            return
        room = self.contentsRect().height()
        if self.heightForWidth(width) <= room:
            return
        words = self._message.split()
        fitting, low, high = "…", 0, len(words)
        while low < high:
            middle = (low + high + 1) // 2
            self.setText(" ".join(words[:middle]) + " …")
            if self.heightForWidth(width) <= room:
                fitting, low = self.text(), middle
            else:
                high = middle - 1
        self.setText(fitting)
        self.setToolTip(self._message)


# ---- why Simpan is grey -----------------------------------------------------------------


def join_names(names: Sequence[str]) -> str:
    """Names as an Indonesian list: "NIK", "NIK dan Nama", "NIK, Nama, dan Desa"."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return translate("FormParts", "{first} dan {last}").format(first=names[0], last=names[1])
    return translate("FormParts", "{items}, dan {last}").format(
        items=", ".join(names[:-1]), last=names[-1]
    )


def blocked_reason(missing: Sequence[str], wrong: Sequence[str]) -> str:
    """Why a form cannot be saved yet, naming the required fields still *missing* and the
    fields whose red line must be dealt with (*wrong*); "" when it can be saved."""
    if missing and wrong:
        return translate(
            "FormParts", "Untuk menyimpan, isi {missing}, lalu perbaiki {wrong}."
        ).format(missing=join_names(missing), wrong=join_names(wrong))
    if missing:
        return translate("FormParts", "Untuk menyimpan, isi {missing}.").format(
            missing=join_names(missing)
        )
    if wrong:
        return translate("FormParts", "Untuk menyimpan, perbaiki {wrong}.").format(
            wrong=join_names(wrong)
        )
    return ""


__all__ = [
    "EARLIEST",
    "WARNING_COLOR",
    "DateField",
    "FieldMessage",
    "blocked_reason",
    "join_names",
]
