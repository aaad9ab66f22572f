"""Reading (python-calamine, csv) and writing (openpyxl) spreadsheets users hand us."""
