"""BAC and secure messaging pinned to the worked example of ICAO Doc 9303-11 Appendix D, so the
reader and the virtual chip (which share ``devices.chip.sm``) cannot agree on a shared mistake."""

from __future__ import annotations

from devices.chip.apdu import Command, Response
from devices.chip.bac import AccessKey, derive_bac_keys, perform_bac
from devices.chip.crypto import CipherKind
from devices.chip.sm import SessionKeys

H = bytes.fromhex
KEY = AccessKey("L898902C", "690806", "940623")


def test_mrz_information_and_keys() -> None:
    assert KEY.mrz_information == "L898902C<369080619406236"
    assert KEY.seed[:16] == H("239AB9CB282DAF66231DC5A4DF6BFBAE")
    k_enc, k_mac = derive_bac_keys(KEY)
    assert k_enc == H("AB94FDECF2674FDFB9B391F85D7F76F2")
    assert k_mac == H("7962D9ECE03D1ACD4C76089DCE131543")


class _RecordedChip:
    """Answers with the chip's side of the worked example and records what the terminal sent."""

    def __init__(self) -> None:
        self.sent: list[bytes] = []

    def transmit(self, apdu: bytes) -> bytes:
        self.sent.append(apdu)
        if apdu[1] == 0x84:
            return H("4608F91988702212") + b"\x90\x00"
        return (
            H("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449")
            + b"\x90\x00"
        )


def test_mutual_authentication_gives_the_example_session() -> None:
    chip = _RecordedChip()
    randoms = iter([H("781723860C06C226"), H("0B795240CB7049B01C19B33E32804F0B")])
    keys = perform_bac(chip, KEY, random=lambda n: next(randoms))
    assert chip.sent[1] == H(
        "008200002872C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A728"
    )
    assert keys.ks_enc == H("979EC13B1CBFE9DCD01AB0FED307EAE5")
    assert keys.ks_mac == H("F1CB1F1FB5ADF208806B89DC579DC1F8")
    assert keys.ssc == 0x887022120C06C226


def _session(exchanged: int = 0) -> SessionKeys:
    return SessionKeys(
        CipherKind.DES3,
        H("979EC13B1CBFE9DCD01AB0FED307EAE5"),
        H("F1CB1F1FB5ADF208806B89DC579DC1F8"),
        0x887022120C06C226 + 2 * exchanged,
    )


def test_protected_select_and_read_match_the_example() -> None:
    keys = _session()
    select = keys.protect(Command(0x00, 0xA4, 0x02, 0x0C, H("011E")))
    assert select.to_bytes() == H("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800")
    answer = keys.unprotect(Response(H("990290008E08FA855A5D4C50A8ED"), 0x9000))
    assert answer == Response(b"", 0x9000)
    read = keys.protect(Command(0x00, 0xB0, 0x00, 0x00, le=4))
    assert read.to_bytes() == H("0CB000000D9701048E08ED6705417E96BA5500")
    data = keys.unprotect(Response(H("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED"), 0x9000))
    assert data == Response(H("60145F01"), 0x9000)


def test_chip_side_reproduces_the_example() -> None:
    chip, terminal = _session(exchanged=1), _session(exchanged=1)  # after the example's SELECT
    protected = terminal.protect(Command(0x00, 0xB0, 0x00, 0x00, le=4))
    assert chip.unprotect_command(protected) == Command(0x00, 0xB0, 0x00, 0x00, b"", 4)
    response = chip.protect_response(Response(H("60145F01"), 0x9000))
    assert response.data == H("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED")
