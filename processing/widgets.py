"""Processing dialog widgets of our own (named in a parameter's ``widget_wrapper`` metadata as a
dotted path, so they are imported only by a dialog, never by ``qgis_process``)."""
from processing.gui.wrappers import WidgetWrapper
from qgis.PyQt.QtWidgets import QPlainTextEdit


class PlaceholderTextWrapper(WidgetWrapper):
    """A multi-line text field whose hint is a placeholder (greyed, never part of the value)."""

    def createWidget(self, placeholder="", **kwargs):
        widget = QPlainTextEdit()
        widget.setPlaceholderText(placeholder)
        widget.setMaximumHeight(60)
        return widget

    def setValue(self, value):
        self.widget.setPlainText("" if value is None else str(value))

    def value(self):
        return self.widget.toPlainText()
