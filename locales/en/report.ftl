# The report's own texts: headings, duty sheets, records and the register
# (templates under templates/ and src/report/). Same messages in every language.
