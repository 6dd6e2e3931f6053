"""Files → records: find the register, read each file fast, locate findings in the text."""
