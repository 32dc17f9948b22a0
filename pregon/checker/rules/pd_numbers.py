"""Check-digit and structure validators for the `personal_data` rules (pure functions, no regexes over posts).

stdnum covers CURP and RFC; CLABE, NSS, card numbers and the INE clave de elector are implemented here because
python-stdnum has no module for them (stdnum.mx only has curp and rfc).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType
from stdnum.mx import curp as _curp
from stdnum.mx import rfc as _rfc


def luhn_ok(digits: str) -> bool:
    """Luhn (mod 10) check: card numbers and the IMSS NSS (10 digits + 1 Luhn check digit)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def nss_ok(digits: str) -> bool:
    """IMSS Número de Seguridad Social: 11 digits, the last a Luhn check digit over the first 10.

    Layout: subdelegación (2) + year of registration (2) + birth year (2) + sequence (4) + check (1).
    The IMSS algorithm weighs the first ten digits 1,2,1,2,… from the left, sums the digits of the products and
    takes (10 - sum % 10) % 10, which is exactly Luhn over the 11 digits.
    """
    return len(digits) == 11 and digits.isdigit() and luhn_ok(digits)


_CLABE_WEIGHTS = (3, 7, 1) * 6


def clabe_check_digit(first17: str) -> str:
    """Control digit of a CLABE (Banxico): weights 3,7,1 repeated, each product mod 10, then (10 - sum%10) % 10."""
    total = sum(((ord(c) - 48) * w) % 10 for c, w in zip(first17, _CLABE_WEIGHTS))
    return str((10 - total % 10) % 10)


# Banxico participant codes that appear as the first three CLABE digits (the common ones; not exhaustive).
CLABE_BANKS = frozenset(
    "002 006 009 012 014 019 021 030 032 036 037 042 044 058 059 060 062 072 102 103 106 108 110 112 113 116 124"
    " 126 127 128 129 130 132 133 135 136 137 138 140 143 145 147 148 150 151 152 154 155 156 166 168 600 601 602"
    " 605 606 608 610 614 616 617 618 619 620 621 622 623 626 627 628 629 630 631 632 633 634 636 637 638 640"
    " 642 646 647 648 649 651 652 653 655 656 659 670 677 680 683 684 685 686 689 699 703 706 710 715 722 723 728"
    " 901 902".split()
)


def clabe_ok(digits: str) -> bool:
    return (
        len(digits) == 18
        and digits.isdigit()
        and digits[:3] in CLABE_BANKS
        and clabe_check_digit(digits[:17]) == digits[17]
    )


def card_brand(digits: str) -> str | None:
    """Brand of a payment card number by IIN range and length, or None. Luhn is checked separately."""
    n = len(digits)
    d1, d2, d4, d6 = digits[0], int(digits[:2]), int(digits[:4]), int(digits[:6])
    if d1 == "4" and n in (13, 16, 19):
        return "visa"
    if 51 <= d2 <= 55 and n == 16:
        return "mastercard"
    if 2221 <= d4 <= 2720 and n == 16:
        return "mastercard"
    if d2 in (34, 37) and n == 15:
        return "amex"
    if (d4 == 6011 or 644 <= int(digits[:3]) <= 649 or d2 == 65) and 16 <= n <= 19:
        return "discover"
    if (300 <= int(digits[:3]) <= 305 or d2 in (36, 38, 39)) and 14 <= n <= 19:
        return "diners"
    if 3528 <= d4 <= 3589 and 16 <= n <= 19:
        return "jcb"
    if d2 == 62 and 16 <= n <= 19:
        return "unionpay"
    if (d2 == 50 or 56 <= d2 <= 69) and 12 <= n <= 19:
        return "maestro"  # includes Mexican Carnet (506x…) and Colombian debit ranges
    if 222100 <= d6 <= 272099 and n == 16:
        return "mastercard"
    return None


def card_ok(digits: str) -> bool:
    return 13 <= len(digits) <= 19 and card_brand(digits) is not None and luhn_ok(digits)


def curp_ok(value: str) -> bool:
    return _curp.is_valid(value)


def rfc_person_ok(value: str) -> bool:
    """13-character RFC of a natural person with a valid homoclave check digit."""
    v = _rfc.compact(value)
    return len(v) == 13 and _rfc.is_valid(v, validate_check_digits=True)


def rfc_person_short_ok(value: str) -> bool:
    """10-character RFC of a natural person (no homoclave, so no check digit): structure and date only."""
    v = _rfc.compact(value)
    return len(v) == 10 and _rfc.is_valid(v)


def _yymmdd_ok(s: str) -> bool:
    yy, mm, dd = int(s[:2]), int(s[2:4]), int(s[4:6])
    for century in (1900, 2000):
        try:
            dt.date(century + yy, mm, dd)
            return True
        except ValueError:
            continue
    return False


def clave_elector_ok(value: str) -> bool:
    """INE clave de elector: 6 letters, birth date YYMMDD, state 01–32, H/M, 3 digits (18 characters)."""
    v = value.replace(" ", "").replace("-", "").upper()
    if len(v) != 18 or not v[:6].isalpha() or not v[6:14].isdigit() or v[14] not in "HM" or not v[15:].isdigit():
        return False
    state = int(v[12:14])
    return 1 <= state <= 32 and _yymmdd_ok(v[6:12])


_NOT_PERSONAL_TYPES = frozenset(
    {
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.UAN,
        PhoneNumberType.VOICEMAIL,
        PhoneNumberType.PAGER,
    }
)


@lru_cache(maxsize=8192)
def phone_national(digits: str, plus: bool) -> tuple[str, str] | None:
    """Return (region, national number) when `digits` is a valid personal-line number of MX or CO, else None.

    Accepts the usual prefixes: +52 / 52, +52 1 (old mobile), 044/045 (old mobile), 01 (old long distance),
    +57 / 57. Toll-free, premium and shared-cost numbers (01 800, 800, 01 8000, 900…) are not personal lines.
    """
    candidates: list[tuple[str, str]] = []
    n = len(digits)
    if digits.startswith("52") and n in (12, 13):
        nat = digits[-10:]
        if n == 12 or digits[2] == "1":
            candidates.append(("MX", nat))
    elif digits.startswith("57") and n == 12:
        candidates.append(("CO", digits[2:]))
    elif not plus:
        if n == 13 and digits[:3] in ("044", "045"):
            candidates.append(("MX", digits[3:]))
        elif n == 12 and digits.startswith("01"):
            if digits.startswith("018000"):
                return None  # Colombian toll-free 01 8000 …
            candidates.append(("MX", digits[2:]))
        elif n == 10:
            candidates.append(("MX", digits))
            candidates.append(("CO", digits))
    for region, nat in candidates:
        if nat.startswith(("800", "900", "1800")):
            return None
        try:
            num = phonenumbers.parse(nat, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num) and phonenumbers.number_type(num) not in _NOT_PERSONAL_TYPES:
            return region, nat
    return None
