// Person-name rules: Chinese surnames (single and compound; general knowledge, no names from any
// corpus), the shape of a name (surname + one or two given characters), and words that look like
// names but are roles or nicknames. Used to anchor names after titles, in bylines and as speakers.
// Thread safety: all functions are pure; the tables are immutable after static initialisation.
#pragma once

#include <cstddef>
#include <string_view>

namespace tupu::domain {

// Length (1 or 2) of the surname starting at s[i], compound surnames first; 0 when none.
size_t SurnameLengthAt(std::u32string_view s, size_t i);

// The length of a plausible personal name starting at s[i] (2..4 code points), or 0. Prefers
// surname + two given characters, unless the third character begins a verb or function word
// (张三到 -> 张三). Never crosses punctuation, spaces or non-CJK characters.
size_t NameLengthAt(std::u32string_view s, size_t i);

// True when `name` (2..4 CJK code points) has a surname and contains no role/function pieces.
bool IsPlausibleName(std::u32string_view name);

// True when `name` can be a name without a Han surname, as written after a title: two to four
// characters, or two parts joined by · (巴特尔, 买买提明·卡德), no role ending, no common word.
bool IsPlausibleUnsurnamedName(std::u32string_view name);

// True for role or nickname words that the tagger or the rules might take for names
// (X老师, X同志, 守门人, ...): `name` followed by `next` (the text after it).
bool IsRoleNotName(std::u32string_view name, std::u32string_view next);

// True for the endings that make a surname + ending a role, not a name (老师, 同志, 某, 总).
bool IsRoleSuffix(std::u32string_view ending);

// True when s[i..] begins a word that cannot continue a name (verbs such as 强调, 到, 主持,
// conjunctions such as 和, 等). Used to decide where a name ends.
bool StartsNonNameWord(std::u32string_view s, size_t i);

// A speaker: the length of the name that opens a clause at s[p] and is followed by 强调, 指出,
// 要求, 表示 ... (a three-character run read as a name plus the verb's first character gives the
// two-character name); 0 when none.
size_t SpeakerNameLength(std::u32string_view s, size_t p);

}  // namespace tupu::domain
