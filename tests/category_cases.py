"""A help desk's questions in three areas (invoices, signing in, the mobile app), three questions
each, as a generic CSV export: what `kbgen draft` should sort into categories."""

from __future__ import annotations

import csv
from pathlib import Path

# area -> questions; a question is (the agent's answer, the ways customers ask it).
AREAS: dict[str, list[tuple[str, list[str]]]] = {
    "invoices": [
        (
            "You can download every invoice as a PDF: open Billing > Invoices and click Download next to the invoice.",
            [
                "Where can I download my invoice?",
                "How do I download last month's invoice as a PDF?",
                "I need a PDF copy of my invoice, where do I download it?",
                "Can't find the invoice download, where is it?",
                "Download invoice PDF for our accounts department?",
                "Where do I download invoices from the billing page?",
            ],
        ),
        (
            "Open Billing > Company details and change the billing address; every new invoice shows it, and we reissue older invoices on request.",
            [
                "How do I change the billing address on my invoice?",
                "Our company moved, can the invoice show the new billing address?",
                "The invoice has our old company address, how do I change it?",
                "Wrong billing address on invoices, please change it",
                "Can you reissue the invoice with our new company address?",
                "Where do I edit the company address printed on the invoice?",
            ],
        ),
        (
            "Sorry about that: we refund the duplicate invoice payment to the same card within five business days.",
            [
                "I paid the same invoice twice, can I get a refund?",
                "We were charged twice for one invoice, please refund the duplicate payment",
                "Duplicate payment on our invoice, how do I get a refund?",
                "Invoice paid twice by mistake, refund please",
                "Refund for a double invoice payment?",
                "Our card was charged twice for the invoice, can you refund one payment?",
            ],
        ),
    ],
    "signing-in": [
        (
            "Click 'Forgot password' on the sign-in page, enter your account email and follow the reset link to choose a new password.",
            [
                "How do I reset my password?",
                "I forgot my password, how can I reset it to sign in?",
                "Password reset link expired, how do I reset my password?",
                "Can you reset my password? I cannot sign in to my account",
                "Forgot password and the reset email never came",
                "How can I set a new password to sign in to my account again?",
            ],
        ),
        (
            "Sign-in codes depend on the clock of your device: set its time to automatic, then sign in to your account with a fresh two-factor code.",
            [
                "My two-factor sign-in code is not accepted",
                "The two-factor code is rejected when I sign in to my account",
                "Two-factor code invalid every time I try to sign in",
                "Sign in to my account asks for a two-factor code and says it is wrong",
                "Why does my two-factor code fail when I sign in?",
                "Two-factor authentication code not working for my account sign in",
            ],
        ),
        (
            "After five failed sign-in attempts your account is locked for 15 minutes; wait, then sign in again or reset your password.",
            [
                "My account is locked after too many sign-in attempts",
                "Locked out of my account after failed sign-in attempts, how long does it last?",
                "It says my account is locked, too many attempts to sign in",
                "Account locked after I typed the wrong password several times",
                "How do I unlock my account after failed sign-in attempts?",
                "Too many attempts to sign in and now my account is locked",
            ],
        ),
    ],
    "mobile-app": [
        (
            "Update the mobile app from the App Store or Google Play, then restart your phone; the crash was fixed in the latest version.",
            [
                "The mobile app crashes when I open it",
                "App crashes on my phone right after start",
                "Mobile app keeps crashing on Android",
                "Since the update the app crashes immediately on my phone",
                "Why does the mobile app crash when I open a project?",
                "The app on my phone crashes every time",
            ],
        ),
        (
            "Pull down on the task list in the mobile app to sync; if it stays stuck, sign out of the app and back in.",
            [
                "The mobile app does not sync my tasks",
                "Tasks on my phone app are not syncing with the web",
                "App sync is stuck, my tasks do not show on my phone",
                "Mobile app shows old tasks, sync does not work",
                "My phone app stopped syncing tasks",
                "How do I get the app to sync my tasks again?",
            ],
        ),
        (
            "Allow notifications for the mobile app in your phone's settings, then switch them on under Profile > Notifications in the app.",
            [
                "I get no notifications from the mobile app",
                "Push notifications from the app do not show on my phone",
                "The app stopped sending me notifications",
                "No notifications on my phone for new tasks in the app",
                "How do I turn on notifications in the mobile app?",
                "Mobile app notifications are not arriving",
            ],
        ),
    ],
}


def write_export(path: Path, areas: dict[str, list[tuple[str, list[str]]]] = AREAS, groups: bool = False) -> Path:
    """A generic CSV export of the areas' tickets (with the area as its group, when groups)."""
    with path.open("w", encoding="utf-8", newline="") as fp:
        writer = csv.writer(fp)
        writer.writerow(["ticket_id", "subject", "description", "answer", "status", "created_at", "group"])
        for area, questions in areas.items():
            for q, (answer, asked) in enumerate(questions):
                for n, text in enumerate(asked):
                    day = 1 + (q * len(asked) + n) % 28
                    writer.writerow([f"{area}-{q}-{n}", text, text, answer, "solved", f"2026-09-{day:02d}T10:00:00Z", area if groups else ""])
    return path


def area_of(ticket_id: str) -> str:
    return ticket_id.rsplit("-", 2)[0]


# A question asked only later, in the invoices area.
LATER = {
    "invoices": [
        (
            "Open Billing > Invoice recipients and add the email address of your accounting team; every new invoice is sent there as well.",
            [
                "Can invoices be emailed to our accounting team?",
                "How do I send every invoice to our accountant's email too?",
                "Please email the invoices to accounting as well",
                "Add a second email address that receives our invoices",
                "Our accounting team wants the invoices by email, how?",
                "Can another email address get a copy of each invoice?",
            ],
        ),
    ]
}
