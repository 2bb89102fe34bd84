#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints a delivered message (RFC 5322 file) as JSON, parsed by Python's own email package, so the e-mail tests
check what a mail client would see and not what our sender meant to write.

{"from", "to", "subject", "mime_version", "content_type",
 "parts": [{"content_type", "charset", "disposition", "filename", "content_id", "text" | "base64"}]}
Leaf parts only, depth first; "text" for text/*, decoded; "base64" for anything else, of the decoded bytes."""
import base64
import email
import email.policy
import json
import sys

with open(sys.argv[1], "rb") as handle:
    message = email.message_from_binary_file(handle, policy=email.policy.default)

parts = []
for part in message.walk():
    if part.is_multipart():
        parts.append({"content_type": part.get_content_type(), "multipart": True})
        continue
    entry = {
        "content_type": part.get_content_type(),
        "charset": part.get_content_charset(),
        "disposition": part.get_content_disposition(),
        "filename": part.get_filename(),
        "content_id": part.get("Content-ID"),
    }
    if part.get_content_maintype() == "text":
        entry["text"] = part.get_content()
    else:
        entry["base64"] = base64.b64encode(part.get_payload(decode=True)).decode()
    parts.append(entry)

json.dump({"from": str(message["From"]), "to": str(message["To"]), "subject": str(message["Subject"]),
           "mime_version": str(message["MIME-Version"]), "content_type": message.get_content_type(),
           "parts": parts}, sys.stdout)
