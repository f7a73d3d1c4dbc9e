"""The characters kept in the CJK subset: the first levels of the national standards."""
chars = set()
# GB 2312 level 1: the 3755 most used simplified hanzi (rows 16-55).
for hi in range(0xB0, 0xD8):
    for lo in range(0xA1, 0xFF):
        try: chars.update(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError: pass
# JIS X 0208 level 1 kanji (rows 16-47) and all its kana and symbols (rows 1-8).
for row in list(range(1, 9)) + list(range(16, 48)):
    for cell in range(1, 95):
        try: chars.update(bytes([row + 0xA0, cell + 0xA0]).decode('euc_jp'))
        except UnicodeDecodeError: pass
# KS X 1001: the 2350 hangul syllables (rows 16-40) and its jamo (row 4).
for hi in [0xA4] + list(range(0xB0, 0xC9)):
    for lo in range(0xA1, 0xFF):
        try: chars.update(bytes([hi, lo]).decode('euc_kr'))
        except UnicodeDecodeError: pass
# CJK punctuation, kana blocks, fullwidth forms.
for a, b in [(0x3000, 0x303F), (0x3040, 0x30FF), (0xFF00, 0xFFEF)]:
    chars.update(chr(c) for c in range(a, b + 1))
chars = sorted(c for c in chars if ord(c) >= 0x2E80)
print(''.join(chars))
