#!/usr/bin/env python3
"""Edit saved -> browser told to reload -> new page fetched, under `thidua serve`.

    python3 bench/serve_latency.py THIDUA SITE_DIR [RUNS] [PORT]

Starts `THIDUA serve --site SITE_DIR --port PORT` (SITE_DIR from bench/gen_site.py), holds the
event stream open as a browser's EventSource does, then RUNS times: appends a sentence to one
person's profile and times (a) until the reload event naming that page arrives and (b) until the
page fetched after it has the sentence; then the same for a template edit (an override of
individual.mustache, which every person's page uses). Prints the medians. Sends traffic only to
127.0.0.1 and stops the server at the end.
"""
import http.client
import os
import select
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time


def main():
    thidua, site = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    port = int(sys.argv[4]) if len(sys.argv) > 4 else 8105
    server = subprocess.Popen([thidua, "serve", "--site", site, "--port", str(port), "--lang", "en"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        started = time.monotonic()
        while True:
            line = server.stderr.readline()
            if not line:
                sys.exit("the server stopped before listening")
            if "Serving the site" in line:
                break
        print(f"first build and start: {time.monotonic() - started:.2f} s")
        # Keep reading what the server prints, or its writes block once the pipe is full.
        threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()
        stream = socket.create_connection(("127.0.0.1", port))
        stream.sendall(b"GET /__thidua/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        received = b""
        while b": thidua serve" not in received:
            received += stream.recv(4096)

        def wait_for(marker, deadline=60):
            nonlocal received
            end = time.monotonic() + deadline
            while marker not in received:
                ready, _, _ = select.select([stream], [], [], max(0, end - time.monotonic()))
                if not ready:
                    sys.exit(f"no event {marker!r} within {deadline} s")
                received += stream.recv(65536)
            received = received[received.index(marker) + len(marker):]

        def fetch(path):
            c = http.client.HTTPConnection("127.0.0.1", port)
            c.request("GET", path)
            body = c.getresponse().read().decode()
            c.close()
            return body

        people = sorted(f for f in os.listdir(os.path.join(site, "content/individuals")) if f.endswith(".vi.md"))
        person = people[len(people) // 2]
        page = f"/ca-nhan/{person[:-len('.vi.md')]}/"
        profile = os.path.join(site, "content/individuals", person)
        original = open(profile, encoding="utf-8").read()

        def measure(edit, marker, check, label):
            to_event, to_page = [], []
            for n in range(runs):
                t0 = time.monotonic()
                edit(n)
                wait_for(marker)
                t1 = time.monotonic()
                body = fetch(page)
                t2 = time.monotonic()
                if not check(n, body):
                    sys.exit(f"{label}: the page fetched after the event does not show the edit")
                to_event.append((t1 - t0) * 1000)
                to_page.append((t2 - t0) * 1000)
                time.sleep(0.3)
            print(f"{label}: edit -> reload event median {statistics.median(to_event):.0f} ms "
                  f"(runs: {', '.join(f'{x:.0f}' for x in to_event)}); "
                  f"edit -> new page fetched median {statistics.median(to_page):.0f} ms")

        def edit_profile(n):
            with open(profile, "w", encoding="utf-8") as f:
                f.write(original + f"\nCâu đo thời gian số {n}.\n")
        measure(edit_profile, f'"{page}"'.encode(), lambda n, body: f"Câu đo thời gian số {n}." in body, "profile edit")

        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        templates = os.path.join(site, "templates")
        os.makedirs(templates, exist_ok=True)
        builtin = subprocess.run([thidua, "theme", "export", "/tmp/thidua-serve-bench-theme-%d" % os.getpid()],
                                 capture_output=True, text=True)
        theme = "/tmp/thidua-serve-bench-theme-%d/individual.mustache" % os.getpid()
        base = open(theme, encoding="utf-8").read()
        template = os.path.join(templates, "individual.mustache")

        def edit_template(n):
            with open(template, "w", encoding="utf-8") as f:
                f.write(base.replace("</article>", f"<p>mẫu {n}</p></article>", 1))
        if "</article>" not in base:
            sys.exit("individual.mustache has no </article> to edit before")
        measure(edit_template, b"event: reload", lambda n, body: f"mẫu {n}" in body, "template edit (every person's page)")
        os.remove(template)
        with open(profile, "w", encoding="utf-8") as f:
            f.write(original)
        subprocess.run(["rm", "-rf", "/tmp/thidua-serve-bench-theme-%d" % os.getpid()])
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
