#!/usr/bin/env python3
"""Writes salesforce-quirks.csv and salesforce-quirks-week2.csv, the import wizard's fixtures.

The files are committed; run this only to change them. A Salesforce report ("Details Only")
whose every date has day and month at most 12 (so days and months cannot be told apart and
the user must choose an order), a CRM stage no alias knows ("Verbal Commit"), and two amounts
that are no amounts (rejected rows). The week-2 file has the same header: a mapping remembered
for the first applies to it. tests/ui/test_importwizard.cpp states what the wizard shows.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["Opportunity Owner", "Account Name", "Opportunity Name", "Stage", "Amount Currency",
          "Amount", "Probability (%)", "Close Date", "Created Date", "Opportunity ID"]
OWNERS = ["Mia Rossi", "Tom O'Neill", "Priya Natarajan", "Zoë Müller"]
ACCOUNTS = ["Acme Labs", "Globex Systems", "Initech Foods", "Orbit Energy", "Vertex Partners"]
STAGES = [("Prospecting", 10), ("Needs Analysis", 25), ("Proposal/Price Quote", 50),
          ("Verbal Commit", 80), ("Negotiation/Review", 75), ("Closed Won", 100),
          ("Closed Lost", 0)]


def quote(cell):
    return '"' + cell.replace('"', '""') + '"'


def rows(week):
    out = []
    for i in range(24):
        stage, probability = STAGES[(i + week) % len(STAGES)]
        amount = "%d.%02d" % (10000 + 1375 * i, (i * 7) % 100)
        if week == 1 and i in (5, 17):
            amount = ["TBD", "12,5,00"][i == 17]
        close_month = 1 + (i + week) % 12
        close_day = 1 + (i * 5) % 12
        created_month = 1 + i % 12
        out.append([OWNERS[i % len(OWNERS)], ACCOUNTS[i % len(ACCOUNTS)],
                    "%s deal %d" % (ACCOUNTS[i % len(ACCOUNTS)].split()[0], i), stage, "USD",
                    amount, str(probability), "%d/%d/2027" % (close_month, close_day),
                    "%d/%d/2026" % (created_month, 1 + (i * 7) % 12), "006Qx%010d" % i])
    return out


def write(name, week):
    lines = [",".join(quote(c) for c in HEADER)]
    lines += [",".join(quote(c) for c in row) for row in rows(week)]
    lines += ["", quote("Grand Totals (24 records)"), "",
              quote("Confidential Information - Do Not Distribute")]
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


write("salesforce-quirks.csv", 1)
write("salesforce-quirks-week2.csv", 2)
