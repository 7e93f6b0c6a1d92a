#!/usr/bin/env python3
"""Writes N short synthetic news articles (plain text: title, 'Published:' line, body) for the
engine benchmark. Stories of about five reports each: a company must divest an app by a deadline
that later reports move, an arms sale is approved, two countries plan talks; every report names
the United States or China, as real coverage does. Deterministic for a given seed.

    generate_articles.py OUT_DIR [COUNT] [SEED]

Files go to OUT_DIR/NNN/NNNNNN.txt, a thousand per folder.
"""
import datetime
import os
import random
import sys

SYLLABLES = ["ka", "lo", "mer", "tis", "van", "dor", "pel", "ru", "sen", "bro", "qua", "zel", "fin",
             "ost", "mar", "lin", "gar", "tov", "hal", "nex"]
COUNTRIES = ["Egypt", "Norway", "Brazil", "India", "Japan", "Kenya", "Chile", "Poland", "Vietnam",
             "Morocco", "Peru", "Ghana", "Turkey", "Canada", "Mexico", "Qatar"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def name(rng, syllables):
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def spoken(day):
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def story(rng, index):
    base = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(900))
    return {
        "app": name(rng, 2),
        "company": name(rng, 3) + " Holdings",
        "official": f"{name(rng, 2)} {name(rng, 3)}",
        "country": rng.choice(COUNTRIES),
        "partner": rng.choice(COUNTRIES),
        "system": name(rng, 2).upper(),
        "deadline": base + datetime.timedelta(days=120),
        "start": base,
        "amount": round(rng.uniform(0.2, 9.5), 2),
        "index": index,
    }


def article(rng, s, report):
    published = s["start"] + datetime.timedelta(days=14 * report + rng.randrange(5))
    deadline = s["deadline"] + datetime.timedelta(days=90 * (report // 2))  # moved every other report
    hub = rng.choice(["the United States", "China"])
    weekday = WEEKDAYS[(published.weekday() - 1) % 7]
    title = f"{s['company']} faces {spoken(deadline).rsplit(',', 1)[0]} deadline to sell {s['app']}"
    body = [
        f"{s['company']} must sell its {s['app']} app to a buyer outside {hub} by {spoken(deadline)} "
        f"or face a ban, Commerce Minister {s['official']} said on {weekday}.",
        f"The original deadline was {spoken(s['deadline'])}." if report else
        f"The law setting the deadline was signed in {s['start'].year - 1}.",
        f"The {s['country']} defence ministry approved the sale of {s['system']} air defence systems "
        f"worth ${s['amount']}bn to {s['partner']} on {spoken(published - datetime.timedelta(days=2))}.",
        f"{s['country']} and {s['partner']} will hold trade talks in "
        f"{MONTHS[(published.month + 1) % 12]} {published.year + (published.month + 1 > 12)}.",
        f"{s['company']} reported revenue of ${round(s['amount'] * 3, 1)}bn for {published.year - 1}.",
    ]
    return f"{title}\nPublished: {published.isoformat()}\n\n" + " ".join(body) + "\n"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20250719)
    stories = [story(rng, i) for i in range(max(1, count // 5))]
    for n in range(count):
        s = stories[n % len(stories)]
        folder = os.path.join(out, f"{n // 1000:03d}")
        if n % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{n:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(article(rng, s, n // len(stories)))


if __name__ == "__main__":
    main()
