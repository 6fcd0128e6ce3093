from __future__ import annotations

from scheduleto.extract.contacts import parse_contacts
from scheduleto.extract.cover import extract_cover
from scheduleto.model import Contact, Party

from .conftest import FIXTURES
from .helpers import doc

THIRD_PARTY_COVER = """SCHEDULE TO
(Rule 14d-100)
Tender Offer Statement under Section 14(d)(1) or 13(e)(1)
of the Securities Exchange Act of 1934
(Amendment No. 3)

NUVALENT, INC.
(Name of Subject Company (Issuer))

GAIA ACQUISITION CORP.
(Offeror)
a wholly owned subsidiary of
GSK plc (Parent of Offeror)
(Names of Filing Persons (identifying status as offeror, issuer or other person))

Common Stock, par value $0.0001 per share
(Title of Class of Securities)

670703 10 7
(CUSIP Number of Class of Securities)

James Smith
Senior Vice President and General Counsel
GSK plc
980 Great West Road
Brentford, Middlesex TW8 9GS
United Kingdom
+44 (0) 20 8047 5000
(Name, address, and telephone numbers of person authorized to receive notices and communications on behalf of filing persons)

Copies to:
Jane Doe
Wachtell, Lipton, Rosen & Katz
51 West 52nd Street
New York, New York 10019
(212) 403-1000

CALCULATION OF FILING FEE
"""


def test_seed_cover_fragment() -> None:
    cover = extract_cover(doc((FIXTURES / "seed_cover.txt").read_text()))
    assert cover.subject_company == "AULT ALLIANCE, INC."
    assert cover.filing_persons == (Party("AULT ALLIANCE, INC.", "Offeror"),)
    assert cover.securities_class == "Common Stock"
    assert cover.cusips == ("09175M101",)
    assert cover.merged_caption
    assert cover.warnings == ()


def test_third_party_cover_with_roles_and_line_contacts() -> None:
    cover = extract_cover(doc(THIRD_PARTY_COVER))
    assert cover.subject_company == "NUVALENT, INC."
    assert cover.filing_persons == (
        Party("GAIA ACQUISITION CORP.", "Offeror"),
        Party("GSK plc", "Parent of Offeror"),
    )
    assert cover.securities_class == "Common Stock, par value $0.0001 per share"
    assert cover.cusips == ("670703107",)
    assert cover.authorized_person == Contact(
        name="James Smith",
        title="Senior Vice President and General Counsel",
        organization="GSK plc",
        address="980 Great West Road Brentford, Middlesex TW8 9GS United Kingdom",
        phone="+44 (0) 20 8047 5000",
    )
    assert [c.name for c in cover.copies_to] == ["Jane Doe"]
    assert cover.copies_to[0].organization == "Wachtell, Lipton, Rosen & Katz"
    assert cover.copies_to[0].phone == "(212) 403-1000"


def test_bad_check_digit_warns_but_keeps_value() -> None:
    text = THIRD_PARTY_COVER.replace("670703 10 7", "68389X106")
    cover = extract_cover(doc(text))
    assert cover.cusips == ("68389X106",)
    assert "CUSIP 68389X106 fails its check digit" in cover.warnings


def test_several_cusips_and_na() -> None:
    text = THIRD_PARTY_COVER.replace("670703 10 7", "037833100; 17275R102")
    assert extract_cover(doc(text)).cusips == ("037833100", "17275R102")
    text = THIRD_PARTY_COVER.replace("670703 10 7", "N/A")
    assert extract_cover(doc(text)).cusips == ()


def test_flattened_cover_on_one_line() -> None:
    flat = " ".join(THIRD_PARTY_COVER.split())
    cover = extract_cover(doc(flat))
    assert cover.subject_company == "NUVALENT, INC."
    assert cover.cusips == ("670703107",)
    assert cover.securities_class == "Common Stock, par value $0.0001 per share"


def test_missing_captions_are_warned() -> None:
    cover = extract_cover(doc("SCHEDULE TO\nSomething else entirely."))
    assert cover.subject_company is None
    assert any("subject company" in w for w in cover.warnings)


def test_contacts_sharing_one_firm_on_one_line() -> None:
    contacts = parse_contacts(
        ["Kenneth A. Schlesinger, Esq. Spencer G. Feldman, Esq. Olshan Frome Wolosky LLP "
         "1325 Avenue of the Americas New York, New York 10019 (212) 451-2300"]
    )
    assert [c.name for c in contacts] == ["Kenneth A. Schlesinger, Esq.", "Spencer G. Feldman, Esq."]
    assert {c.organization for c in contacts} == {"Olshan Frome Wolosky LLP"}


def test_contact_with_fax_keeps_the_phone() -> None:
    (c,) = parse_contacts(["John Roe", "Acme Corp.", "1 Main Street", "Springfield, IL 62701",
                           "Tel: (217) 555-0100", "Fax: (217) 555-0199"])  # fmt: skip
    assert c.phone == "(217) 555-0100"
    assert c.organization == "Acme Corp."
    assert c.address == "1 Main Street Springfield, IL 62701"


def test_capitalised_comma_list_of_filing_persons() -> None:
    from scheduleto.extract.cover import _split_names

    assert _split_names("BETA MERGER SUB, INC., BETA HOLDINGS CORP. and JOHN DOE") == [
        "BETA MERGER SUB, INC.", "BETA HOLDINGS CORP.", "JOHN DOE"]  # fmt: skip
    assert _split_names("Storage Acquisition Company, L.L.C.") == ["Storage Acquisition Company, L.L.C."]
