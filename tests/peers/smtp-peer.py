#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real SMTP server (aiosmtpd, Debian's python3-aiosmtpd) for the e-mail tests, on 127.0.0.1 only.

Two listeners share one Maildir: STARTTLS on --starttls-port (plain until STARTTLS, which is required) and implicit
TLS on --tls-port. Both require AUTH (LOGIN or PLAIN, only over TLS) as --user/--password. The certificate is
self-signed, made with openssl at start into DIR/cert.pem (the tests trust it as their CA file). Delivered messages
go to DIR/Maildir/new, byte for byte as received. Prints "ready" once both listeners accept connections.
"""
import argparse
import logging
import mailbox
import os
import signal
import ssl
import subprocess
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class MaildirHandler:
    def __init__(self, path):
        self.maildir = mailbox.Maildir(path, create=True)
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if not session.authenticated:
            return "530 5.7.0 Authentication required"
        with self.lock:
            self.maildir.add(envelope.original_content or envelope.content)
        return "250 2.0.0 OK: queued"


def make_authenticator(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False)

    return authenticate


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--starttls-port", type=int, required=True)
    parser.add_argument("--tls-port", type=int, required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    args = parser.parse_args()
    logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd's deprecation chatter

    cert = os.path.join(args.dir, "cert.pem")
    key = os.path.join(args.dir, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    handler = MaildirHandler(os.path.join(args.dir, "Maildir"))
    common = dict(hostname="127.0.0.1", auth_required=True, authenticator=make_authenticator(args.user, args.password))
    starttls = Controller(handler, port=args.starttls_port, tls_context=context, require_starttls=True,
                          auth_require_tls=True, **common)
    # aiosmtpd only counts STARTTLS as TLS: on the implicit-TLS listener every byte is encrypted already.
    implicit = Controller(handler, port=args.tls_port, ssl_context=context, auth_require_tls=False, **common)
    starttls.start()
    implicit.start()
    print("ready", flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    starttls.stop()
    implicit.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
