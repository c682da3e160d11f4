"""One module per command: options parsed, the application called, the result rendered.

Each module holds ``HELP`` (an English msgid, translated when shown) and a function named
like the module. A new command is one line here.
"""

COMMANDS = {
    "status": "status",
    "historique": "history",
    "plan": "plan",
    "check": "check",
    "indicateurs": "indicators",
    "schema": "schema",
    "init": "init",
    "add": "add",
    "add-action": "add_action",
    "done": "done",
    "sent": "sent",
    "verify": "verify",
    "lift": "lift",
    "relances": "reminders",
    "calendar": "calendar",
    "export": "export",
    "empreinte": "fingerprint",
}
"""Command name -> its module in this package, in the order ``qnc --help`` lists them."""
