"""Generate the Beaconly Inc. sample estate: synthetic, deterministic, with planted policy violations.

Beaconly Inc. is a fictional SaaS company that sends push notifications and email campaigns for its
business customers; the end users of those customers' apps are the data subjects. Every person,
address, phone number and e-mail address here is made up by Faker from a fixed seed.

    python data_samples/generate.py [--out DIR] [--seed N]

writes the estate into DIR (default: the folder of this script). Two runs give the same bytes for
every file except ``identity/identity.vault`` (its AES-GCM nonces are random by design; it decrypts to
the same records). The reference date is fixed (``AS_OF``); nothing reads the clock.

The planted violations are listed in ``README.md`` next to this script. Tests import :func:`build`
to get the in-memory estate, including ground truth that is not written anywhere (e.g. which
support tickets mention a third party).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import random
import shutil
import sys
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from faker import Faker

__all__ = ["AS_OF", "SEED", "Estate", "build", "write", "demo_key", "processor_key", "main"]

SEED = 20261101
AS_OF = date(2026, 11, 1)
AS_OF_DT = datetime(2026, 11, 1, tzinfo=UTC)
N_USERS = 400
N_EVENTS = 20_000
N_LOG_LINES = 4_000
N_TICKETS = 300
N_SESSIONS = 2_500
N_SURVEY = 260
ROW_GROUP = 5_000
EXPORTED_AT = datetime(2026, 10, 20, 6, 0, tzinfo=UTC)
SAR_DATE = datetime(2026, 10, 2, 9, 14, tzinfo=UTC)

# (Faker locale, country code, weight): mostly US end users, some in Europe.
LOCALES = [("en_US", "US", 0.60), ("en_GB", "GB", 0.10), ("de_DE", "DE", 0.10), ("fr_FR", "FR", 0.10),
           ("es_ES", "ES", 0.10)]
IDENTITY_FIELDS = ["user_token", "name", "email", "phone", "street_address", "postal_code", "city", "country",
                   "date_of_birth", "signup_ip", "created_at", "push_token"]
STATIC_FILES = ["datamap.yaml", "policy.md", "README.md"]
PROCESSORS_WITH_KEYS = ["deskhub", "mailsend", "pushgate"]  # adpixel is unregistered (V06): no key

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EVENT_TYPES = ["push_sent", "push_opened", "email_sent", "email_opened", "link_clicked", "app_opened",
               "unsubscribed"]
EVENT_WEIGHTS = [0.30, 0.11, 0.20, 0.09, 0.06, 0.235, 0.005]
OS_VERSIONS = {"iOS": ["iOS 17.6", "iOS 18.1", "iOS 18.4", "iOS 19.0"],
               "Android": ["Android 13", "Android 14", "Android 15", "Android 16"]}
APP_VERSIONS = ["5.9.2", "5.10.0", "5.10.1", "5.11.0", "5.12.3"]
MACHINE_CONTEXT = ["ab=variant_a", "ab=variant_b", "retry=1", "retry=2", "ttl=3600", "silent=1",
                   "deeplink=/offers/weekly", "deeplink=/inbox", "throttled=0", "batch=nightly",
                   "provider_status=202", "render=mjml-4"]
PLANTED_CONTEXT = ["support override requested by {email}", "manual resend to {email} (ticket escalation)",
                   "test send to {email} approved by support"]
USER_AGENTS = [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Mobile/15E148 Beaconly/5.12.3",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.6668.100 "
    "Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.70 "
    "Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 "
    "Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0",
    "Beaconly-Android/5.11.0 (okhttp/4.12.0)",
]
BOT_CLIENTS = [
    ("66.249.66.1", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
    ("66.249.66.87", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
    ("157.55.39.12", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"),
    ("69.162.124.226", "Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)"),
]
USER_PATHS = [("GET", "/api/v1/inbox", 200), ("GET", "/api/v1/inbox?page=2", 200), ("POST", "/api/v1/inbox/read", 204),
              ("GET", "/api/v1/preferences", 200), ("PUT", "/api/v1/preferences", 200),
              ("POST", "/api/v1/devices/register", 201), ("GET", "/api/v1/campaigns/{cid}/click", 302),
              ("GET", "/app/settings/notifications", 200), ("GET", "/static/js/app.7f3c2b.js", 304)]
ANON_PATHS = [("GET", "/", 200), ("GET", "/login", 200), ("POST", "/login", 401), ("GET", "/pricing", 200),
              ("GET", "/static/css/site.4b1e9a.css", 200), ("GET", "/favicon.ico", 200), ("GET", "/wp-login.php", 404)]
BOT_PATHS = [("GET", "/robots.txt", 200), ("GET", "/", 200), ("GET", "/healthz", 200), ("GET", "/sitemap.xml", 200)]

TICKET_TOPICS = [
    ("Not receiving push notifications", "Since the last update I don't get any push notifications from the app anymore."),
    ("Too many emails", "I'm getting three or four campaign emails a day and it's way too much."),
    ("Please delete my account", "I would like my account and everything you store about me to be deleted."),
    ("Wrong language in emails", "All my emails suddenly arrive in the wrong language although my settings are fine."),
    ("Unsubscribe link broken", "The unsubscribe link at the bottom of your newsletter gives me an error page."),
    ("Login problem", "I can't log in, the app keeps saying my session expired."),
    ("Copy of my data", "Please send me a copy of all the data you hold about me, including logs."),
    ("Duplicate notifications", "Every notification shows up twice on my phone."),
    ("Change my email address", "I changed my email provider and need the address on my account updated."),
]
TICKET_OPEN = ["Hi, this is {name}.", "Hello, my name is {name}.", "Dear support team, {name} here.",
               "Hi there,", "Good morning, I'm {first} and I use your app through my gym's membership."]
TICKET_CONTACT = ["You can reach me at {email} or call {phone}.", "My account email is {email}.",
                  "Please call me back on {phone}, best after 5pm.", "Reply to {email} please.",
                  "I registered with {email}, phone {phone}."]
TICKET_CLOSE = ["Thanks, {first}", "Regards, {name}", "Thank you!", "Cheers, {first}"]
THIRD_PARTY = {
    "name": ["My daughter {tp_name} uses the same tablet, please don't send anything to her.",
             "My colleague {tp_name} has the same problem on their phone."],
    "email": ["I think your emails meant for me go to {tp_email}, that is not my address.",
              "Please also remove my husband's address {tp_email} from your lists."],
    "phone": ["The texts went to my son's number {tp_phone} instead of mine.",
              "If I'm not available you can call my partner on {tp_phone}."],
    "name_phone": ["My mother {tp_name} ({tp_phone}) gets the same messages and wants them stopped too."],
}
CHANNELS = ["email", "chat", "web_form", "in_app"]
SEGMENTS = ["weekly_digest", "winback_30d", "new_features", "loyalty_gold"]
SURVEY_COMMENTS = ["", "", "", "Great app, notifications arrive on time.", "Too many messages on weekends.",
                   "Would like a dark mode.", "The inbox is hard to find.", "Works fine.",
                   "Please let me choose the hours for notifications.", "Emails look broken on my phone.",
                   "Love the weekly digest."]
GENDERS = ["female", "male", "female", "male", "non-binary", "prefer not to say"]


@dataclass
class Estate:
    """The generated estate, in memory. ``truth`` holds ground truth that is not written to disk."""

    users: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    events: pd.DataFrame
    sessions: pd.DataFrame
    log_lines: list[str]
    sar_json: bytes
    special: dict[str, str]
    truth: dict[str, object] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------- helpers
def _ascii(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if c.isascii() and (c.isalnum() or c in ".-")).lower()


def _iso(ts: datetime) -> str:
    return ts.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _between(rnd: random.Random, start: datetime, end: datetime) -> datetime:
    return start + timedelta(seconds=rnd.randrange(int((end - start).total_seconds())))


def _hex(rnd: random.Random, n: int) -> str:
    return f"{rnd.getrandbits(4 * n):0{n}x}"


def _b64url(rnd: random.Random, n: int) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    return "".join(rnd.choice(alphabet) for _ in range(n))


def _push_token(rnd: random.Random, os_name: str) -> str:
    if os_name == "iOS":  # APNs device token: 32 bytes, hex
        return _hex(rnd, 64)
    return f"{_b64url(rnd, 22)}:APA91b{_b64url(rnd, 60)}"  # FCM registration token (shortened)


def demo_key(seed: int = SEED) -> bytes:
    """The DEMO vault key: derived from the public seed, so it protects nothing. Synthetic data only."""
    return hashlib.sha256(f"beaconly-sample-estate/demo-vault-key/{seed}".encode()).digest()


def processor_key(name: str, seed: int = SEED):
    """A DEMO Ed25519 private key of processor ``name`` (derived from the public seed; it signs the sample
    receipts). Its public half is written to ``keys/processors/<name>.pub``; the private half is not written."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(
        hashlib.sha256(f"beaconly-sample-estate/processor/{name}/{seed}".encode()).digest())


# --------------------------------------------------------------------------------------------- users
def _users(rnd: random.Random, fakers: dict[str, Faker]) -> pd.DataFrame:
    rows: list[dict] = []
    emails: set[str] = set()
    weights = [w for _, _, w in LOCALES]
    for i in range(N_USERS):
        loc, country, _ = rnd.choices(LOCALES, weights=weights)[0]
        if i in (10, 11, 20, 21):  # special subjects are US users (see _plant_special)
            loc, country = "en_US", "US"
        f = fakers[loc]
        first, last = f.first_name(), f.last_name()
        email = _email(rnd, f, first, last, emails)
        os_name = "iOS" if rnd.random() < 0.45 else "Android"
        rows.append({
            "user_token": f"u_{_hex(rnd, 16)}",
            "first_name": first, "last_name": last, "name": f"{first} {last}", "email": email,
            "phone": f.phone_number(),
            "street_address": " ".join(f.street_address().replace("\n", ", ").split()),
            "postal_code": f.postcode(), "city": f.city(), "country": country,
            "date_of_birth": (AS_OF - timedelta(days=rnd.randint(18 * 366, 80 * 365 - 10))).isoformat(),
            "signup_ip": f.ipv4_public(),
            "created_at": _iso(_between(rnd, datetime(2022, 11, 1, tzinfo=UTC), datetime(2026, 9, 30, tzinfo=UTC))),
            "push_token": _push_token(rnd, os_name),
            "locale": loc, "device_os": os_name,
            "os_version": rnd.choice(OS_VERSIONS[os_name]), "app_version": rnd.choice(APP_VERSIONS),
        })
    return pd.DataFrame(rows)


def _email(rnd: random.Random, f: Faker, first: str, last: str, taken: set[str]) -> str:
    while True:
        a, b = _ascii(first), _ascii(last)
        local = rnd.choice([f"{a}.{b}", f"{a}{b}", f"{a[0]}{b}", f"{a}.{b}{rnd.randint(1, 99)}",
                            f"{b}.{a}", f"{a}_{b}{rnd.randint(60, 99)}"])
        email = f"{local}@{f.free_email_domain()}"
        if email not in taken:
            taken.add(email)
            return email


def _plant_special(users: pd.DataFrame, rnd: random.Random, fakers: dict[str, Faker]) -> dict[str, str]:
    """Family line (10, 11 share a phone and home), namesakes (20, 21: same name, other birth date)."""
    u = users
    u.loc[10, "phone"] = str(u.loc[10, "phone"]).split("x")[0]  # a landline: no extension
    # Family line: same phone number and address, different first names and e-mails.
    u.loc[11, ["last_name", "phone", "street_address", "postal_code", "city"]] = \
        u.loc[10, ["last_name", "phone", "street_address", "postal_code", "city"]].to_numpy()
    u.loc[11, "name"] = f"{u.loc[11, 'first_name']} {u.loc[11, 'last_name']}"
    taken = set(u["email"])
    u.loc[11, "email"] = _email(rnd, fakers["en_US"], u.loc[11, "first_name"], u.loc[11, "last_name"], taken)
    # Namesakes: same full name, different birth date, e-mail, phone and address.
    u.loc[21, ["first_name", "last_name", "name"]] = u.loc[20, ["first_name", "last_name", "name"]].to_numpy()
    u.loc[21, "email"] = _email(rnd, fakers["en_US"], u.loc[21, "first_name"], u.loc[21, "last_name"], taken)
    if u.loc[21, "date_of_birth"] == u.loc[20, "date_of_birth"]:
        u.loc[21, "date_of_birth"] = (date.fromisoformat(u.loc[20, "date_of_birth"]) - timedelta(days=4000)).isoformat()
    return {"family_a": u.loc[10, "user_token"], "family_b": u.loc[11, "user_token"],
            "namesake_a": u.loc[20, "user_token"], "namesake_b": u.loc[21, "user_token"],
            "rich": u.loc[30, "user_token"], "legal_hold": u.loc[40, "user_token"]}


# --------------------------------------------------------------------------------------------- governance
def _consents_optouts_restrictions(users: pd.DataFrame, rnd: random.Random, special: dict[str, str]):
    """Consents for the mail vendor, opt-outs, restrictions, the audience export (with planted subjects)."""
    tokens = list(users["user_token"])
    created = dict(zip(users["user_token"], users["created_at"], strict=True))
    reserved = {special[k] for k in ("family_a", "family_b", "namesake_a", "namesake_b", "legal_hold")}
    pool = [t for t in tokens[50:] if t not in reserved]
    rnd.shuffle(pool)
    planted_optout, planted_restricted, planted_noconsent = pool[0:3], pool[3:5], pool[5:9]
    other_optout, other_restricted = pool[9:36], pool[36:41]
    push_only_in_audience = pool[41]

    def rec_time(tok: str, lo: datetime, hi: datetime) -> str:
        start = max(lo, datetime.fromisoformat(created[tok].replace("Z", "+00:00")) + timedelta(hours=1))
        return _iso(_between(rnd, start, hi))

    consent_rows, consent_status = [], {}
    for tok in tokens:
        if tok in planted_noconsent:
            continue
        r = rnd.random()
        forced = tok in planted_optout or tok in planted_restricted or tok == push_only_in_audience \
            or tok == special["rich"]
        if forced or r < 0.55:
            granted = True
        elif r < 0.75:
            granted = False
        else:
            continue  # never asked: no consent recorded
        consent_status[tok] = granted
        consent_rows.append({"user_token": tok, "third_party": "mailsend", "purpose": "email_marketing",
                             "granted": "true" if granted else "false",
                             "recorded_at": created[tok]})
    consents = pd.DataFrame(consent_rows)

    before_export = EXPORTED_AT - timedelta(days=3)
    optout_rows = []
    for tok in planted_optout:
        scope = "all" if tok == planted_optout[0] else "email_marketing"
        optout_rows.append({"user_token": tok, "scope": scope,
                            "opted_out_at": rec_time(tok, datetime(2025, 6, 1, tzinfo=UTC), before_export)})
    optout_rows.append({"user_token": push_only_in_audience, "scope": "push",
                        "opted_out_at": rec_time(push_only_in_audience, datetime(2025, 6, 1, tzinfo=UTC), before_export)})
    for tok in other_optout:
        scope = rnd.choices(["email_marketing", "push", "all"], weights=[5, 3, 2])[0]
        optout_rows.append({"user_token": tok, "scope": scope,
                            "opted_out_at": rec_time(tok, datetime(2025, 1, 1, tzinfo=UTC), AS_OF_DT)})
    opt_outs = pd.DataFrame(optout_rows).sort_values("opted_out_at", kind="stable").reset_index(drop=True)

    reasons = ["disputes accuracy of profile data", "objected to marketing profiling",
               "pending erasure request verification", "asked to pause all processing while complaint is reviewed"]
    restr_rows = []
    for tok in planted_restricted:
        restr_rows.append({"user_token": tok, "scope": "email_marketing" if tok == planted_restricted[0] else "all",
                           "requested_at": rec_time(tok, datetime(2026, 3, 1, tzinfo=UTC), before_export),
                           "reason": reasons[1] if tok == planted_restricted[0] else reasons[3]})
    for tok in other_restricted:
        restr_rows.append({"user_token": tok, "scope": "email_marketing",
                           "requested_at": rec_time(tok, datetime(2025, 9, 1, tzinfo=UTC), AS_OF_DT),
                           "reason": rnd.choice(reasons[:3])})
    restrictions = pd.DataFrame(restr_rows).sort_values("requested_at", kind="stable").reset_index(drop=True)

    # The audience: consented, not opted out of e-mail, not restricted ... plus the planted subjects.
    blocked = {r["user_token"] for r in optout_rows if r["scope"] in ("email_marketing", "all")}
    blocked |= {r["user_token"] for r in restr_rows}
    eligible = [t for t in tokens if consent_status.get(t) is True and t not in blocked]
    members = eligible + planted_optout + planted_restricted + planted_noconsent
    email_of = dict(zip(users["user_token"], users["email"], strict=True))
    first_of = dict(zip(users["user_token"], users["first_name"], strict=True))
    audience = pd.DataFrame({
        "email": [email_of[t] for t in members],
        "first_name": [first_of[t] for t in members],
        "user_token": members,
        "segment": [rnd.choice(SEGMENTS) for _ in members],
        "exported_at": _iso(EXPORTED_AT),
    })
    audience = audience.sort_values("email", kind="stable").reset_index(drop=True)
    truth = {"planted_optout_in_audience": planted_optout, "planted_restricted_in_audience": planted_restricted,
             "planted_noconsent_in_audience": planted_noconsent, "push_only_optout_in_audience": push_only_in_audience}
    special.update({"opted_out": planted_optout[1], "restricted": planted_restricted[1],
                    "no_consent": planted_noconsent[0]})
    return consents, opt_outs, restrictions, audience, truth


def _legal_holds(special: dict[str, str], users: pd.DataFrame) -> pd.DataFrame:
    t = list(users["user_token"])
    return pd.DataFrame([
        {"user_token": special["legal_hold"], "datasets": "*",
         "reason": "litigation hold: chargeback dispute, case BCN-2026-118", "until": "2027-06-30"},
        {"user_token": t[41], "datasets": "tickets;identity", "reason": "tax records, 7 years", "until": "2032-12-31"},
        {"user_token": t[42], "datasets": "logs;events", "reason": "fraud investigation (account takeover)",
         "until": "2027-01-31"},
    ])


def _static_registers(cookie_email: str, cookie_token: str, rnd: random.Random) -> dict[str, pd.DataFrame]:
    cookies = pd.DataFrame([
        {"name": "bcn_session", "purpose": "keeps the web session signed in", "expiry": "session",
         "sample_value": _hex(rnd, 32), "first_party": "true"},
        {"name": "csrftoken", "purpose": "protects forms against cross-site request forgery", "expiry": "session",
         "sample_value": _b64url(rnd, 32), "first_party": "true"},
        {"name": "lb_route", "purpose": "load-balancer stickiness", "expiry": "session", "sample_value": "srv-03",
         "first_party": "true"},
        {"name": "ui_prefs", "purpose": "remembers the dashboard layout during the visit", "expiry": "session",
         "sample_value": "sidebar=collapsed;theme=light", "first_party": "true"},
        {"name": "remember_email", "purpose": "pre-fills the e-mail field on the login form", "expiry": "365 days",
         "sample_value": cookie_email.replace("@", "%40"), "first_party": "true"},
        {"name": "bcn_uid", "purpose": "recognises a returning browser across visits", "expiry": "730 days",
         "sample_value": cookie_token, "first_party": "true"},
    ])
    sharing = pd.DataFrame([
        {"third_party": "mailsend", "country": "US", "purpose": "email_marketing", "datasets": "audience",
         "consent_required": "true", "dpa_signed": "true"},
        {"third_party": "pushgate", "country": "US", "purpose": "service_delivery", "datasets": "devices",
         "consent_required": "false", "dpa_signed": "true"},
        {"third_party": "deskhub", "country": "IN", "purpose": "customer_support", "datasets": "tickets",
         "consent_required": "false", "dpa_signed": "true"},
    ])
    grants = [("support", "identity"), ("support", "tickets"), ("support", "logs"),
              ("marketing", "audience"),
              ("analytics", "events"), ("analytics", "sessions"), ("analytics", "survey"), ("analytics", "devices"),
              ("engineering", "identity"), ("engineering", "logs"), ("engineering", "events"),
              ("engineering", "devices"), ("engineering", "users_backup"),
              ("legal", "identity"), ("legal", "tickets"), ("legal", "logs"),
              ("analytics", "identity")]  # PLANTED: analytics has no purpose that needs the identity store
    grantors = {"support": "head_of_support", "marketing": "cmo", "analytics": "head_of_data",
                "engineering": "cto", "legal": "general_counsel"}
    access = pd.DataFrame([{"role": r, "dataset": d,
                            "granted_at": (date(2025, 1, 6) + timedelta(days=17 * i)).isoformat(),
                            "granted_by": grantors[r]} for i, (r, d) in enumerate(grants)])
    return {"cookies": cookies, "sharing": sharing, "access_grants": access}


# --------------------------------------------------------------------------------------------- behaviour
def _events(users: pd.DataFrame, rnd: random.Random, rng: np.random.Generator) -> pd.DataFrame:
    n = N_EVENTS
    activity = rng.pareto(1.5, size=len(users)) + 0.3
    idx = rng.choice(len(users), size=n, p=activity / activity.sum())
    start = datetime(2026, 5, 1, tzinfo=UTC)
    span = int((AS_OF_DT - start).total_seconds())
    secs = np.sort(rng.integers(0, span, size=n))
    types = rng.choice(len(EVENT_TYPES), size=n, p=np.array(EVENT_WEIGHTS) / sum(EVENT_WEIGHTS))
    campaigns = [f"cmp_{c:04d}" for c in range(1201, 1241)]
    planted = rng.random(n) < 0.015
    # The random draws stay in the order of the original per-row loop (same estate at every scale); the
    # per-user columns are gathered with numpy and the timestamps computed at once.
    emails = users["email"].tolist()
    app_opened = EVENT_TYPES.index("app_opened")
    event_ids, contexts, campaign_ids = [], [], []
    for k in range(n):
        if planted[k]:
            context = rnd.choice(PLANTED_CONTEXT).format(email=emails[idx[k]])
        elif rnd.random() < 0.3:
            context = rnd.choice(MACHINE_CONTEXT)
        else:
            context = ""
        contexts.append(context)
        event_ids.append(str(uuid.UUID(int=rnd.getrandbits(128), version=4)))
        campaign_ids.append(None if types[k] == app_opened else rnd.choice(campaigns))

    def per_user(col: str) -> np.ndarray:
        return users[col].to_numpy(dtype=object)[idx]

    ts = pd.Series(pd.Timestamp(start) + pd.to_timedelta(secs, unit="s"))
    return pd.DataFrame({
        "event_id": event_ids, "user_token": per_user("user_token"),
        "event_type": np.asarray(EVENT_TYPES, dtype=object)[types], "campaign_id": campaign_ids, "ts": ts,
        "device_os": per_user("os_version"), "app_version": per_user("app_version"), "country": per_user("country"),
        "context": contexts,
    })


def _devices(users: pd.DataFrame, rnd: random.Random) -> pd.DataFrame:
    rows = []
    for u in users.itertuples():
        rows.append({"device_id": f"d_{_hex(rnd, 12)}", "user_token": u.user_token, "push_token": u.push_token,
                     "device_os": u.os_version, "app_version": u.app_version})
        if rnd.random() < 0.15:  # a second device (tablet); its token is not in the vault
            os_name = rnd.choice(["iOS", "Android"])
            rows.append({"device_id": f"d_{_hex(rnd, 12)}", "user_token": u.user_token,
                         "push_token": _push_token(rnd, os_name), "device_os": rnd.choice(OS_VERSIONS[os_name]),
                         "app_version": rnd.choice(APP_VERSIONS)})
    return pd.DataFrame(rows)


def _sessions(users: pd.DataFrame, rnd: random.Random, rng: np.random.Generator) -> pd.DataFrame:
    hashes = [hashlib.sha256(e.strip().lower().encode()).hexdigest() for e in users["email"]]
    idx = rng.choice(len(users), size=N_SESSIONS)
    start = AS_OF_DT - timedelta(days=120)
    secs = np.sort(rng.integers(0, int((AS_OF_DT - start).total_seconds()), size=N_SESSIONS))
    durations = np.clip(rng.lognormal(4.5, 1.0, size=N_SESSIONS), 3, 7200).astype("int64")
    screens = np.clip(rng.poisson(4, size=N_SESSIONS) + 1, 1, 40).astype("int64")
    return pd.DataFrame({"user_hash": [hashes[int(i)] for i in idx],
                         "session_start": [start + timedelta(seconds=int(s)) for s in secs],
                         "duration_s": durations, "screens": screens})


def _survey(users: pd.DataFrame, rnd: random.Random) -> pd.DataFrame:
    picks = rnd.sample(range(len(users)), N_SURVEY)
    rows = [{"postal_code": users.loc[i, "postal_code"], "date_of_birth": users.loc[i, "date_of_birth"],
             "gender": rnd.choice(GENDERS), "satisfaction": rnd.choices([1, 2, 3, 4, 5], weights=[1, 2, 4, 6, 5])[0],
             "comment": rnd.choice(SURVEY_COMMENTS)} for i in picks]
    return pd.DataFrame(rows)


def _tickets(users: pd.DataFrame, rnd: random.Random, fakers: dict[str, Faker], special: dict[str, str]):
    """Support tickets with free text; ~15% also name a third person. Returns (frame, third-party truth)."""
    by_token = users.set_index("user_token")[["name", "first_name", "email", "phone"]].to_dict("index")
    others = [t for t in users["user_token"] if t != special["rich"]]
    authors = [special["rich"]] * 4 + [special["family_a"], special["legal_hold"]] \
        + [rnd.choice(others) for _ in range(N_TICKETS - 6)]
    times = sorted(_between(rnd, datetime(2025, 5, 1, tzinfo=UTC), datetime(2026, 10, 31, tzinfo=UTC))
                   for _ in authors)
    rnd.shuffle(authors)
    rows, truth = [], {}
    for k, (tok, ts) in enumerate(zip(authors, times, strict=True)):
        u = by_token[tok]
        subject, problem = rnd.choice(TICKET_TOPICS)
        values = {"name": u["name"], "first": u["first_name"], "email": u["email"], "phone": u["phone"]}
        parts = [rnd.choice(TICKET_OPEN).format(**values), problem]
        if rnd.random() < 0.15:
            kind = rnd.choice(list(THIRD_PARTY))
            f = fakers[rnd.choice([loc for loc, _, _ in LOCALES])]
            tp_first, tp_last = f.first_name(), f.last_name()
            tp = {"tp_name": f"{tp_first} {tp_last}", "tp_email": f"{_ascii(tp_first)}.{_ascii(tp_last)}@{f.free_email_domain()}",
                  "tp_phone": f.phone_number()}
            parts.append(rnd.choice(THIRD_PARTY[kind]).format(**tp))
            used = {"name": ["tp_name"], "email": ["tp_email"], "phone": ["tp_phone"],
                    "name_phone": ["tp_name", "tp_phone"]}[kind]
            truth[f"T-{104200 + k}"] = {key[3:]: tp[key] for key in used}
        if rnd.random() < 0.8:
            parts.append(rnd.choice(TICKET_CONTACT).format(**values))
        parts.append(rnd.choice(TICKET_CLOSE).format(**values))
        rows.append({"ticket_id": f"T-{104200 + k}", "user_token": tok, "created_at": _iso(ts),
                     "channel": rnd.choice(CHANNELS), "subject": subject, "body": " ".join(parts)})
    return pd.DataFrame(rows), truth


def _log_lines(users: pd.DataFrame, rnd: random.Random, special: dict[str, str]) -> list[str]:
    """Apache combined log lines + a quoted cookie field, October 2026, sorted by time."""
    start, end = datetime(2026, 10, 2, tzinfo=UTC), datetime(2026, 10, 31, 23, 0, tzinfo=UTC)
    extra_ips = {}
    for u in users.itertuples():
        r = rnd.random()
        n_extra = 0 if r < 0.6 else (1 if r < 0.9 else 2)
        extra_ips[u.user_token] = [f"{rnd.randint(11, 223)}.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}."
                                   f"{rnd.randint(1, 254)}" for _ in range(n_extra)]
    active = list(users["user_token"].sample(n=260, random_state=rnd.randint(0, 2**31 - 1)))
    if special["rich"] not in active:
        active.append(special["rich"])
    by_token = users.set_index("user_token")[["signup_ip", "device_os"]].to_dict("index")
    entries: list[tuple[datetime, str]] = []
    while len(entries) < N_LOG_LINES:
        r = rnd.random()
        t0 = _between(rnd, start, end)
        if r < 0.80:  # a signed-in visit: same IP, user agent and session cookie for a few requests
            tok = special["rich"] if rnd.random() < 0.03 else rnd.choice(active)
            u = by_token[tok]
            ip = u["signup_ip"] if rnd.random() < 0.75 or not extra_ips[tok] else rnd.choice(extra_ips[tok])
            ua = USER_AGENTS[0] if u["device_os"] == "iOS" else USER_AGENTS[1]
            if rnd.random() < 0.3:
                ua = rnd.choice(USER_AGENTS[2:])
            cookie = f"bcn_session={_hex(rnd, 32)}; bcn_uid={tok}"
            t = t0
            for _ in range(rnd.randint(1, 6)):
                method, path, status = rnd.choice(USER_PATHS)
                path = path.format(cid=f"cmp_{rnd.randint(1201, 1240):04d}")
                entries.append((t, _line(ip, t, method, path, status, rnd, ua, cookie,
                                         "https://app.beaconly.io/inbox")))
                t += timedelta(seconds=rnd.randint(1, 40))
        elif r < 0.93:  # anonymous visitor: no uid cookie
            ip = f"{rnd.randint(11, 223)}.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}"
            method, path, status = rnd.choice(ANON_PATHS)
            cookie = f"bcn_session={_hex(rnd, 32)}" if rnd.random() < 0.6 else "-"
            entries.append((t0, _line(ip, t0, method, path, status, rnd, rnd.choice(USER_AGENTS[2:5]), cookie,
                                      rnd.choice(["-", "https://www.google.com/", "https://beaconly.io/"]))))
        else:  # crawlers and uptime probes
            ip, ua = rnd.choice(BOT_CLIENTS)
            method, path, status = rnd.choice(BOT_PATHS)
            entries.append((t0, _line(ip, t0, method, path, status, rnd, ua, "-", "-")))
    entries.sort(key=lambda e: e[0])
    return [line for _, line in entries[:N_LOG_LINES]]


def _line(ip, ts, method, path, status, rnd, ua, cookie, referer) -> str:
    stamp = f"{ts.day:02d}/{MONTHS[ts.month - 1]}/{ts.year}:{ts.hour:02d}:{ts.minute:02d}:{ts.second:02d} +0000"
    size = 0 if status in (204, 304) else rnd.randint(180, 48_000)
    return f'{ip} - - [{stamp}] "{method} {path} HTTP/1.1" {status} {size} "{referer}" "{ua}" "{cookie}"'


def _sar(users: pd.DataFrame, events: pd.DataFrame, tickets: pd.DataFrame, token: str) -> bytes:
    u = users.set_index("user_token").loc[token]
    ev = events[events["user_token"] == token].head(8)
    doc = {
        "request": {"type": "subject_access", "received": "2026-09-18", "exported_at": _iso(SAR_DATE)},
        "identity": {k: u[k] for k in IDENTITY_FIELDS if k != "user_token"} | {"user_token": token},
        "events": [{"event_id": r.event_id, "event_type": r.event_type, "ts": _iso(r.ts)} for r in ev.itertuples()],
        "tickets": tickets[tickets["user_token"] == token][["ticket_id", "created_at", "subject"]].to_dict("records"),
    }
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False).encode() + b"\n"


# --------------------------------------------------------------------------------------------- requests
def _requests(users: pd.DataFrame, seed: int) -> list[dict]:
    """The subject requests of the ledger (PLANTED: REQ-0002 overdue, REQ-0003 answered without an identity
    check, REQ-0005 answered erasure never passed on to adpixel). Own RNG: the rest of the estate is unchanged.
    Raw requester contacts and identifiers are here (ground truth for the no-raw-PII tests), never on disk."""
    rnd = random.Random(seed + 21)
    impostor = Faker("en_US")
    impostor.seed_instance(seed + 21)
    erased = [f"u_{_hex(rnd, 16)}" for _ in range(2)]  # subjects already erased from the estate
    u = users.set_index("user_token")
    sar, overdue, unverified, objector, rectified = (users.loc[i, "user_token"] for i in (77, 120, 150, 200, 240))
    return [
        {"id": "REQ-0001", "kind": "access", "received": "2026-09-24", "channel": "email", "role": "customer",
         "requester": "privacy@fitloop.example", "subject": [f"email={u.loc[sar, 'email']}"],
         "events": [("verify", "2026-09-25", {"method": "customer-attested"}),
                    ("close", "2026-10-02", {"links": ["exports/sar_2026-10-02.zip"]})]},
        {"id": "REQ-0002", "kind": "erasure", "received": "2026-09-08", "channel": "email", "role": "subject",
         "requester": u.loc[overdue, "email"], "subject": [f"token={overdue}"],
         "events": [("verify", "2026-09-09", {"method": "email-code"}),
                    ("progress", "2026-09-15", {"note": "erasure planned; waiting for the legal-hold review"})]},
        {"id": "REQ-0003", "kind": "access", "received": "2026-10-05", "channel": "email", "role": "subject",
         "requester": impostor.free_email(), "subject": [f"phone={u.loc[unverified, 'phone']}"],
         "events": [("progress", "2026-10-06", {"note": "search run on the phone number given"}),
                    ("close", "2026-10-09", {})]},
        {"id": "REQ-0004", "kind": "erasure", "received": "2026-09-14", "channel": "letter", "role": "customer",
         "requester": "dpo@gymbeat.example", "subject": [f"token={erased[0]}"],
         "events": [("verify", "2026-09-15", {"method": "customer-attested"}),
                    ("close", "2026-10-06", {"recipients": ["deskhub", "pushgate"]}),
                    ("notify", "2026-10-06", {"processor": "deskhub"}), ("notify", "2026-10-06", {"processor": "pushgate"}),
                    ("receipt", "2026-10-08", {"processor": "deskhub"}), ("receipt", "2026-10-09", {"processor": "pushgate"})]},
        {"id": "REQ-0005", "kind": "erasure", "received": "2026-10-12", "channel": "web-form", "role": "subject",
         "requester": "account holder (web form)", "subject": [f"token={erased[1]}"],
         "events": [("verify", "2026-10-13", {"method": "account-login"}),
                    ("close", "2026-10-20", {"recipients": ["adpixel", "mailsend"]}),
                    ("notify", "2026-10-21", {"processor": "mailsend"}),
                    ("receipt", "2026-10-23", {"processor": "mailsend"})]},
        {"id": "REQ-0006", "kind": "rectification", "received": "2026-10-26", "channel": "email", "role": "subject",
         "requester": u.loc[rectified, "email"], "subject": [f"email={u.loc[rectified, 'email']}"],
         "events": [("verify", "2026-10-27", {"method": "email-code"})]},
        {"id": "REQ-0007", "kind": "objection", "received": "2026-10-10", "channel": "email", "role": "customer",
         "requester": "privacy@fitloop.example", "subject": [f"token={objector}"],
         "events": [("verify", "2026-10-11", {"method": "customer-attested"}),
                    ("extend", "2026-10-30", {"by": "2 months", "reason": "the customer's campaign platform is being "
                                                                           "migrated; opt-out applied after the move"})]},
    ]


def _plant_requests(estate: Estate, out: Path, seed: int) -> None:
    """Record the sample requests in ``out/audit_log.jsonl`` through the requests desk (privacy_audit.requests),
    and the processors' signed receipts in ``out/rights/receipts/``."""
    from cryptography.hazmat.primitives import serialization

    from privacy_audit import requests as desk  # the project's requests desk; see privacy_audit/requests.py
    from privacy_audit import subject_index
    from privacy_audit.datamap import load_datamap

    keys = out / "keys" / "processors"
    keys.mkdir(parents=True, exist_ok=True)
    for name in PROCESSORS_WITH_KEYS:
        pem = processor_key(name, seed).public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        (keys / f"{name}.pub").write_bytes(pem)
    for stale in ("audit_log.jsonl", "audit_log.jsonl.lock"):
        (out / stale).unlink(missing_ok=True)
    receipts = out / "rights" / "receipts"
    if receipts.exists():
        shutil.rmtree(receipts)
    receipts.mkdir(parents=True)
    dm = load_datamap(out / "datamap.yaml")
    # Each request resolves its subject; through a subject index built once (and removed afterwards: the
    # estate is written without one) that reads only the subject's rows instead of the whole estate per request.
    index_dir = subject_index.index_path(dm).parent
    had_index = index_dir.exists()
    subject_index.build_index(dm, vault_key=demo_key(seed), progress=False, fresh=True)
    try:
        _record_requests(estate, dm, desk, receipts, seed)
    finally:
        if not had_index:
            shutil.rmtree(index_dir, ignore_errors=True)
    (out / "audit_log.jsonl.lock").unlink(missing_ok=True)


def _record_requests(estate: Estate, dm, desk, receipts: Path, seed: int) -> None:
    for req in estate.truth["requests"]:
        rid = req["id"]
        desk.open_request(dm, req["kind"], subject=req["subject"], requester=req["requester"],
                          requester_role=req["role"], channel=req["channel"], received=req["received"], request_id=rid)
        for action, on, args in req["events"]:
            if action == "verify":
                desk.verify_request(dm, rid, method=args["method"], on=on)
            elif action == "progress":
                desk.progress_request(dm, rid, note=args["note"], on=on)
            elif action == "extend":
                desk.extend_request(dm, rid, by=args["by"], reason=args["reason"], on=on)
            elif action == "close":
                desk.close_request(dm, rid, links=args.get("links", ()), recipients=args.get("recipients"), on=on)
            elif action == "notify":
                desk.notify_processor(dm, rid, args["processor"], on=on)
            elif action == "receipt":
                request = desk.load_ledger(dm).get(rid)
                body = desk.receipt_body(request, args["processor"], controller=dm.organization, completed_on=on)
                signed = desk.sign_receipt(body, processor_key(args["processor"], seed))
                path = receipts / f"{rid}-{args['processor']}.json"
                path.write_bytes(desk.receipt_bytes(signed))
                desk.record_receipt(dm, path)


# --------------------------------------------------------------------------------------------- build / write
_SCALED = ("N_USERS", "N_EVENTS", "N_LOG_LINES", "N_TICKETS", "N_SESSIONS", "N_SURVEY")


def build(seed: int = SEED, scale: int = 1) -> Estate:
    """Build the whole estate in memory, deterministically from ``seed``; ``scale`` multiplies its rows
    and subjects together (users, events, log lines, tickets, sessions, survey answers), for benchmarks."""
    if scale != 1:
        if scale < 1:
            raise ValueError("scale must be a positive whole number")
        saved = {name: globals()[name] for name in _SCALED}
        globals().update({name: value * scale for name, value in saved.items()})
        try:
            return build(seed)
        finally:
            globals().update(saved)
    Faker.seed(seed)
    rnd = random.Random(seed)
    rng = np.random.default_rng(seed)
    fakers = {}
    for i, (loc, _, _) in enumerate(LOCALES):
        fakers[loc] = Faker(loc)
        fakers[loc].seed_instance(seed + i)
    users = _users(rnd, fakers)
    special = _plant_special(users, rnd, fakers)
    consents, opt_outs, restrictions, audience, truth = _consents_optouts_restrictions(users, rnd, special)
    events = _events(users, rnd, rng)
    tickets, ticket_truth = _tickets(users, rnd, fakers, special)
    registers = _static_registers(users.loc[57, "email"], users.loc[58, "user_token"], rnd)
    tables = {
        "exports/users_backup.csv": users[IDENTITY_FIELDS],
        "support/tickets.csv": tickets,
        "marketing/audience_export.csv": audience,
        "analytics/survey_responses.csv": _survey(users, rnd),
        "analytics/devices.csv": _devices(users, rnd),
        "web/cookies.csv": registers["cookies"],
        "governance/sharing_register.csv": registers["sharing"],
        "governance/access_grants.csv": registers["access_grants"],
        "consent/consents.csv": consents,
        "consent/opt_outs.csv": opt_outs,
        "rights/restrictions.csv": restrictions,
        "rights/legal_holds.csv": _legal_holds(special, users),
    }
    sessions = _sessions(users, rnd, rng)
    log_lines = _log_lines(users, rnd, special)
    sar = _sar(users, events, tickets, users.loc[77, "user_token"])
    truth |= {"tickets_with_third_party": ticket_truth, "sar_subject": users.loc[77, "user_token"],
              "events_with_email": int(events["context"].str.contains("@", regex=False).sum())}
    requests = _requests(users, seed)
    truth |= {"requests": requests}
    return Estate(users=users, tables=tables, events=events, sessions=sessions, log_lines=log_lines,
                  sar_json=sar, special=special, truth=truth)


def _write_parquet(df: pd.DataFrame, path: Path, schema: pa.Schema) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pandas(df, schema=schema, preserve_index=False).replace_schema_metadata(None)
    pq.write_table(table, path, row_group_size=ROW_GROUP, compression="zstd")


def _write_vault(users: pd.DataFrame, out: Path, key: bytes) -> None:
    from privacy_audit.vault import Vault  # the project's vault; see privacy_audit/vault.py

    path = out / "identity" / "identity.vault"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    vault = Vault.create(path, key)
    for rec in users[IDENTITY_FIELDS].to_dict("records"):
        vault.put(rec["user_token"], {k: (None if v is None else str(v)) for k, v in rec.items()})
    vault.save()


def write(estate: Estate, out: Path, *, seed: int = SEED) -> None:
    """Write the estate into ``out`` (created if missing); also copies the static files when ``out`` is elsewhere."""
    out.mkdir(parents=True, exist_ok=True)
    for rel, df in estate.tables.items():
        p = out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        df.to_csv(p, index=False, lineterminator="\n")
    event_schema = pa.schema([("event_id", pa.string()), ("user_token", pa.string()), ("event_type", pa.string()),
                              ("campaign_id", pa.string()), ("ts", pa.timestamp("ms", tz="UTC")),
                              ("device_os", pa.string()), ("app_version", pa.string()), ("country", pa.string()),
                              ("context", pa.string())])
    events = estate.events
    months = events["ts"].map(lambda t: f"{t.year:04d}-{t.month:02d}")
    if (out / "events").exists():
        shutil.rmtree(out / "events")
    for month in sorted(months.unique()):
        part = events[months == month].reset_index(drop=True)
        _write_parquet(part, out / "events" / f"month={month}" / "part-0.parquet", event_schema)
    _write_parquet(estate.sessions, out / "analytics" / "sessions.parquet",
                   pa.schema([("user_hash", pa.string()), ("session_start", pa.timestamp("ms", tz="UTC")),
                              ("duration_s", pa.int64()), ("screens", pa.int64())]))
    (out / "logs").mkdir(parents=True, exist_ok=True)
    (out / "logs" / "access.log").write_text("\n".join(estate.log_lines) + "\n", encoding="utf-8")
    # A subject-access export left lying around, unencrypted (PLANTED). Fixed timestamps: same bytes each run.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo("subject_access_export.json", date_time=(2026, 10, 2, 9, 14, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        zf.writestr(info, estate.sar_json)
    (out / "exports" / "sar_2026-10-02.zip").write_bytes(buf.getvalue())
    key = demo_key(seed)
    (out / "keys").mkdir(parents=True, exist_ok=True)
    (out / "keys" / "vault.key").write_text(base64.b64encode(key).decode() + "\n", encoding="ascii")
    _write_vault(estate.users, out, key)
    here = Path(__file__).resolve().parent
    if out.resolve() != here:
        for name in STATIC_FILES:
            if (here / name).exists():
                shutil.copyfile(here / name, out / name)
    _plant_requests(estate, out, seed)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python data_samples/generate.py [--out DIR] [--seed N] [--scale K]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent,
                        help="folder to write the estate into (default: this script's folder)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    parser.add_argument("--scale", type=int, default=1,
                        help="multiply rows and subjects (benchmarks; write it outside data_samples/)")
    parser.add_argument("--processor-key", metavar="NAME",
                        help="print the DEMO private key (PEM) of processor NAME and exit (to stand in for the "
                             "processor when trying receipts; derived from the public seed)")
    args = parser.parse_args(argv)
    if args.processor_key:
        from cryptography.hazmat.primitives import serialization

        pem = processor_key(args.processor_key, args.seed).private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        sys.stdout.write(pem.decode("ascii"))
        return 0
    estate = build(args.seed, scale=args.scale)
    write(estate, args.out, seed=args.seed)
    print(f"wrote the Beaconly sample estate to {args.out} ({len(estate.users)} users)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
