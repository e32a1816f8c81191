#!/usr/bin/env python3
"""Writes hubspot-stage-ids.csv and hubspot-excel.csv, HubSpot deal exports for the wizard.

The files are committed; run this only to change them. HubSpot exports a deal's stage as its
internal id when the export is made with internal values (qualifiedtobuy, closedwon, ...): the
book's stage aliases know them. Its record ids are long numbers; a file opened and saved in
Excel has them in scientific notation (4.87688E+15), which no longer names a deal, and the
wizard must refuse it. hubspot-excel.csv is hubspot-stage-ids.csv after such a round trip.
tests/ui/test_importwizard.cpp states what the wizard shows.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["Record ID", "Deal Name", "Deal Stage", "Close Date", "Deal owner", "Amount",
          "Create Date", "Pipeline", "Associated Company", "Associated Company IDs (Primary)"]
OWNERS = ["Mia Rossi", "Tom O'Neill", "Priya Natarajan", "Zoë Müller"]
COMPANIES = ["Acme Labs", "Globex Systems", "Initech Foods", "Orbit Energy", "Vertex Partners"]
# Internal stage ids of HubSpot's default sales pipeline, with how often each occurs.
STAGES = ["appointmentscheduled", "qualifiedtobuy", "qualifiedtobuy", "presentationscheduled",
          "decisionmakerboughtin", "contractsent", "closedwon", "closedwon", "closedlost"]


def excel(number):
    """How Excel shows a 16-digit number in a General cell: 6 significant digits."""
    mantissa = "%.5E" % number  # 4.87688E+15
    digits, exponent = mantissa.split("E")
    digits = digits.rstrip("0").rstrip(".")
    return "%sE+%d" % (digits, int(exponent))


def rows(mangled):
    out = []
    for i in range(18):
        record = 4876880123456000 + 7919 * i
        company = 9100000000 + 31 * (i % len(COMPANIES))
        out.append([excel(record) if mangled else str(record),
                    "%s deal %d" % (COMPANIES[i % len(COMPANIES)].split()[0], i),
                    STAGES[i % len(STAGES)],
                    "2027-%02d-%02d" % (1 + i % 12, 1 + (i * 5) % 28),
                    OWNERS[i % len(OWNERS)],
                    "%d.%02d" % (5000 + 1250 * i, (i * 13) % 100),
                    "2026-%02d-%02d" % (1 + (i * 7) % 12, 1 + (i * 3) % 28),
                    "Sales Pipeline",
                    COMPANIES[i % len(COMPANIES)],
                    excel(company) if mangled and company >= 10 ** 11 else str(company)])
    return out


def write(name, mangled):
    lines = [",".join(HEADER)]
    lines += [",".join(row) for row in rows(mangled)]
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


write("hubspot-stage-ids.csv", False)
write("hubspot-excel.csv", True)
