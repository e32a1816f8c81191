#!/usr/bin/env python3
"""Writes the CSV reader's fixtures (tests/csv) into this folder, byte for byte.

The files are committed; run this only to change them. Each file shows one quirk of what
spreadsheets and CRMs export; tests/csv/test_reader.cpp states what the reader must return.
Not written here: salesforce-report.csv, the first 3 and last 8 lines of a real-shaped
Salesforce report export (a quoted multi-line "Next Step", blank lines, a totals footer).
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def rfc4180(rows, delimiter, line_end):
    """A minimal RFC 4180 writer: quotes a field only when it must."""
    out = []
    for row in rows:
        cells = []
        for cell in row:
            if any(c in cell for c in (delimiter, '"', "\r", "\n")):
                cell = '"' + cell.replace('"', '""') + '"'
            cells.append(cell)
        out.append(delimiter.join(cells) + line_end)
    return "".join(out)


# Encodings: the same small table in each.
TABLE = "Name\tCity\r\nJosé\tZürich\r\nGrinning 😀\t\"tab\tinside\"\r\n"
write("utf8.csv", "Name,City\nJosé,Zürich\nGrinning 😀,\"comma, inside\"\n".encode("utf-8"))
write("utf8-bom.csv", b"\xef\xbb\xbf" + "Name,City\nJosé,Zürich\nGrinning 😀,\"comma, inside\"\n".encode("utf-8"))
write("utf16le-bom.txt", b"\xff\xfe" + TABLE.encode("utf-16-le"))  # Excel's "Unicode Text"
write("utf16be-bom.txt", b"\xfe\xff" + TABLE.encode("utf-16-be"))
write("utf16le-nobom.txt", TABLE.encode("utf-16-le"))
write("utf16be-nobom.txt", TABLE.encode("utf-16-be"))
# Windows-1252: the euro sign and curly quotes live in 0x80-0x9F (Latin-1 has controls there);
# 0x81 and 0x8D are undefined in Windows-1252 and read as the C1 controls U+0081, U+008D.
write("windows1252.csv", b"Name,Price,Quote\r\nCaf\xe9,\x80 5,\x93Hi\x94\r\n\x81\x8d,\x9f,end\r\n")

# The same records in three dialects.
SAME = [
    ["Account", "Owner", "Amount", "Notes"],
    ["Café Zürich", "José Álvarez", "€1.234,50", "Said “yes”, then\nasked for a discount"],
    ["O'Brien; Sons", "Zoë Müller", "12,5", 'He said "call me"\ttomorrow|later'],
    ["Plain", "", "0", ""],
]
write("same-utf8-comma.csv", rfc4180(SAME, ",", "\n").encode("utf-8"))
write("same-utf16le-tab.txt", b"\xff\xfe" + rfc4180(SAME, "\t", "\r\n").encode("utf-16-le"))
write("same-windows1252-semicolon.csv",
      ("sep=;\r\n" + rfc4180(SAME, ";", "\r\n")).encode("cp1252"))

# Delimiters: quoted fields hold the other candidates, which must not fool the sniffer.
write("comma.csv", b'name,note,n\n"Smith; John","a|b\tc",1\n"Doe; Jane","d;e",2\n')
write("semicolon.csv", b'name;amount;n\n"Smith, John";1,5;1\n"Doe, Jane";2,75;2\n')
write("tab.tsv", b'name\tnote\tn\n"a,b"\tc;d\t1\n"e|f"\tg,h\t2\n')
write("pipe.csv", b'name|note|n\n"a,b"|"c;d"|1\ne\tf|g,h|2\n')
write("sep-line.csv", b"sep=;\r\nName;Amount\r\nAnn;1,5\r\n")

# Line structure.
write("embedded-newlines.csv",
      b'id,note\r\n1,"line one\nline two"\r\n2,"cr\rinside"\r\n3,"crlf\r\ninside"\r\n4,end\r\n')
write("doubled-quotes.csv", b'a,b\n"say ""hi""","""quoted"""\n"""",""\n')
write("bare-cr.csv", b'a,b\r1,2\r\r3,"x\ry"\r4,5')
write("no-final-newline.csv", b'a,b\n1,2\n3,"last"')
write("blank-lines.csv", b"h1,h2\n\n1,2\r\n\r\n\r\n2,3\r\r3,4\n\n")
write("nul-bytes.csv",
      b'name,amount,note\n'
      b'Ann\x00,10,plain text here\n'
      b'\x00\x00\n'
      b'Bob,20,"x\x00y"\n'
      b'Cid,30,more plain text\n')

# A report with title rows above its header and totals below (the caller finds the header).
write("title-rows.csv",
      b'"Opportunity Pipeline Report"\n'
      b'"Filtered By: Close Date = THIS FISCAL YEAR"\n'
      b'\n'
      b'"Opportunity Owner","Account Name","Amount"\n'
      b'"Mia Rossi","O\'Brien Systems","239165.50"\n'
      b'"Tom O\'Neill","Orbit Energy, LLC","391159.00"\n'
      b'\n'
      b'"Grand Totals (2 records)"\n')

# Errors.
write("error-unterminated-quote.csv", b'id,name,note\n1,Ann,ok\n2,Bob,"never closed\n3,Cid,more\n')
write("error-text-after-quote.csv",
      b'id,name,amount,stage\n1,"Ann",10,Won\n2,"multi\nline",20,Lost\n3,"Bob",30,"Won"d\n')
