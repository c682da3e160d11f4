"""The plan as a Word document: python-docx for the document, the few WordprocessingML
pieces it has no API for, French typography, and the calendar drawn with Pillow. Only
``qnc plan --out *.docx`` imports this package."""
