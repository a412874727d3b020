"""A real SMTP server on loopback for the tests (Python 3.11's standard-library smtpd).

    python3 smtp_sink.py PORT DIRECTORY

Every accepted message is written to DIRECTORY as one .eml file. A recipient whose address
starts with "refused" gets a permanent "550 no such mailbox" reply.
"""
import asyncore
import os
import sys
import time
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
import smtpd  # noqa: E402  (deprecated in 3.11, still the standard library's SMTP server)


class Sink(smtpd.SMTPServer):
    def __init__(self, port, directory):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.directory = directory

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        if any(address.lower().startswith("refused") for address in rcpttos):
            return "550 no such mailbox"
        name = "%d-%d.eml" % (time.time_ns(), os.getpid())
        temporary = os.path.join(self.directory, name + ".tmp")
        with open(temporary, "wb") as file:
            file.write(data)
        os.rename(temporary, os.path.join(self.directory, name))
        return None


if __name__ == "__main__":
    Sink(int(sys.argv[1]), sys.argv[2])
    print("smtp sink listening", flush=True)
    asyncore.loop()
