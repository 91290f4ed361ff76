"""What a line of an Arabic news page says it is: the genre's markers of page furniture, not one site's phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus_ds import datetext

_A = "[اأإآ]"  # alef with or without hamza or madda
_H = "[ةه]"  # ta marbuta, often written ha
_Y = "[يى]"
_T = "[\u064b-\u0652]?"  # an optional haraka (أيضاً، أيضًا)
_COLON = r"\s*[:：]?\s*"

# "اقرأ أيضاً" and its kin, alone or followed by a headline on the same line.
# An imperative may address both genders: "اقرأ/ي"، "تابع/ي" (the site's own words, as the plain form).
_BOTH = r"(?:\s*/\s*ي)?"
NETWORKS = (
    r"(?:تلغرام|تليجرام|تيليجرام|تيليغرام|تليغرام|Telegram|Instagram|إنستغرام|انستغرام|انستجرام|[إا]نستقرام|فيسبوك|فايسبوك|فيس\s+بوك"
    r"|Facebook|تويتر|Twitter|X|إكس|يوتيوب|يوتوب|YouTube|TikTok|تيك\s*توك|واتساب|WhatsApp)"
)
# "... على إكس": a post's card's footer sends the reader to the network, not to another story
_VOWEL_MARKS = re.compile(r"[\u064b-\u0652\u0670]")


class MarksIgnored:
    """A pattern matched on a line without its vowel marks ("ويُعد" read as "ويعد", "وَقَّع" as "وقع"): the marks a page
    may set on a word never change which word it is."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern

    def match(self, line: str) -> re.Match | None:
        return self.pattern.match(_VOWEL_MARKS.sub("", line))


_ON_A_NETWORK = rf"\s+(?:على|في|عبر)\s+{NETWORKS}\s*$"
# the label in Arabic, English or French; a bilingual site writes two of them ("Lire aussi | اقرأ أيضا")
_READ_ALSO_WORDS = (
    # "طالع أيضا": the other verb of the box
    rf"(?:{_A}قر{_A}{_BOTH}|ط{_A}لع(?:و{_A})?)\s+(?:{_A}يض{_T}{_A}?{_T}|{_A}لمزيد|كذلك)"
    r"|Read also|Read more|(?:[AÀ]\s+)?lire\s+aussi|Voir aussi"
)
READ_ALSO = re.compile(
    rf"^\s*(?:{_READ_ALSO_WORDS})(?:\s*[|/]\s*(?:{_READ_ALSO_WORDS}))?"
    rf"(?!{_ON_A_NETWORK})(?:{_COLON}|\s*$)"
    rf"|^\s*(?:ش{_A}هد|ت{_A}بع){_BOTH}(?![\u0621-\u064a])[^:：.]{{0,30}}[:：]"
    rf"|^\s*(?:ذ{_A}ت\s+صل{_H}|{_A}قر{_A}\s+{_A}لمزيد)\s*[:：]"  # "ذات صلة: <a headline>" on one line
    rf"|^\s*للمزيد\s*[:：]?\s*$"  # "للمزيد" alone over the link to another story
    # a dossier's box over its other stories: "اقرأ في الملف", "اقرأ أيضا ضمن هذا الملف", "في هذا الملف"
    # ("اقرأ في ملف العدد أيضا": the dossier of a magazine's issue)
    rf"|^\s*(?:{_A}قر{_A}{_BOTH}\s+(?:{_A}يض{_T}{_A}?{_T}\s+)?)?(?:في|ضمن)\s+(?:هذ{_A}\s+)?(?:{_A}لملف(?:\s+نفسه)?"
    rf"|ملف\s+{_A}لعدد)(?:\s+{_A}يض{_T}{_A}?{_T})?{_COLON}?\s*$",
    re.I,
)
# Headers of lists of other stories; the list follows on the next lines.
SIMILAR = re.compile(
    rf"^\s*(?:مق{_A}لات\s+(?:مش{_A}به{_H}|ذ{_A}ت\s+صل{_H}|متعلق{_H})|مو{_A}ضيع\s+(?:ذ{_A}ت\s+صل{_H}|متعلق{_H})"
    rf"|موضوع{_A}ت\s+(?:ذ{_A}ت\s+صل{_H}|متعلق{_H})|{_A}خب{_A}ر\s+(?:ذ{_A}ت\s+صل{_H}|متعلق{_H}|مش{_A}به{_H})"
    rf"|ذ{_A}ت\s+صل{_H}|(?:مو{_A}ضيع|مق{_A}لات|{_A}خب{_A}ر|قر{_A}ء{_H}|قصص|تق{_A}رير|{_A}سهم)\s+(?:مقترح{_H}|ذ{_A}ت\s+صل{_H}|متعلق{_H})|قد\s+يعجبك|Related(?:\s+\w+)?|(?:يهمك|قد\s+يهمك|قد\s+يعجبك|ننصحك\s+بقر{_A}ء{_H}|ش{_A}هد)\s*(?:{_A}يض{_T}{_A}?{_T})?"
    # "في نفس السياق", "في السياق نفسه" alone on its line ("في السياق نفسه، قال ..." opens a paragraph)
    rf"|(?:في|فى)\s+(?:نفس\s+{_A}ل(?:سي{_A}ق|موضوع)|{_A}ل(?:سي{_A}ق|موضوع)\s+(?:نفسه|ذ{_A}ته)|ذ{_A}ت\s+{_A}ل(?:سي{_A}ق|موضوع)))"
    rf"{_COLON}$",
    re.I,
)
# Lists that follow the article on many sites: most read, latest, more from the section.
MORE_STORIES = re.compile(
    rf"^\s*(?:{_A}ل{_A}كثر\s+(?:قر{_A}ء{_H}|مش{_A}هد{_H}|تد{_A}ول{_A}|تعليق{_A})|{_A}لمزيد\s+من\b.{{0,30}}"
    rf"|آخر\s+{_A}ل{_A}خب{_A}ر|{_A}حدث\s+{_A}ل{_A}خب{_A}ر|{_A}خب{_A}ر\s+عاجل{_H}"
    # "مقالات أخرى في نفس الركن", "أخبار أخرى من القسم": more of the section's stories
    rf"|(?:مق{_A}لات|{_A}خب{_A}ر|مو{_A}ضيع)\s+(?:{_A}خرى\s+)?(?:في|من)\s+(?:نفس\s+)?{_A}ل(?:ركن|قسم|ب{_A}ب|تصنيف|ملف)(?:\s+نفسه)?"
    rf"|مخت{_A}ر{_A}ت(?:\s+{_A}لمحرر)?"  # "مختارات": the editors' picks
    rf"|(?:{_A}يض{_A}ً?|كذلك)\s+في\s+عدد\s+{_A}ليوم)"  # a print issue's other stories
    rf"{_COLON}$",
    re.I,
)
# "تابع القراءة", "أكمل القراءة": a button that unfolds the rest of the article, or a link to it on the site
_READING_ON = rf"(?:ت{_A}بع|{_A}كمل|و{_A}صل)\s+{_A}لقر{_A}ء{_H}"
# An excerpt's link to the whole article on its site (a newsletter's, an aggregator's): "تابع القراءة على موقع الساحل
# ←", "اقرأ المقال كاملا على الموقع", "اقرأ على الموقع"
READ_ON = re.compile(
    rf"^\s*(?:{_READING_ON}|{_A}قر{_A}(?:\s+(?:{_A}لمق{_A}ل|{_A}لخبر)(?:\s+ك{_A}مل{_A}ً?)?)?)"
    # (on the site it links to: a bare "أكمل القراءة" may be a button that unfolds the rest of the article)
    rf"\s+(?:على|في|عبر)\s+(?:موقع\s+[^.،]{{1,40}}|{_A}لموقع(?:\s+{_A}لرسمي)?)\s*[←→>»]?\s*$"
    # a newsletter's other stories after its excerpt: "أيضاً في نشرة اليوم"
    rf"|^\s*(?:{_A}يض{_A}ً?|كذلك)\s+في\s+نشر{_H}\s+{_A}ليوم\s*[:：]?\s*$"
)
# A new story starts: the site's link to its next or previous article.
NEXT_STORY = re.compile(rf"^\s*(?:{_A}لمق{_A}ل|{_A}لخبر)\s+{_A}ل(?:ت{_A}لي|س{_A}بق){_COLON}$")
COMMENTS = re.compile(
    # "تعليقات القراء", as each site names its readers: "تعليقات الجمهور", "تعليقات المتابعين"
    rf"^\s*(?:{_A}?لتعليق{_A}ت|تعليق{_A}ت(?:\s+{_A}ل(?:زو{_A}ر|قر{_A}ء|جمهور|مت{_A}بعين|مش{_A}هدين|{_A}عض{_A}ء|مستخدمين))?|Comments|{_A}ضف\s+تعليق(?:ك|{_A})?"
    rf"|{_A}ترك\s+تعليق{_A}?|{_A}كتب\s+تعليق(?:ك|{_A})?|ش{_A}رك\s+بر{_A}يك|عدد\s+{_A}لتعليق{_A}ت|{_A}ر{_A}ء\s+{_A}لقر{_A}ء"
    rf"|[\d٠-٩]+\s+تعليق(?:{_A}ت|{_A}ن)?|{_A}لتعليق{_A}ت\s+مغلق{_H}\.?|Comments\s+are\s+closed\.?)"
    rf"\s*(?:\(\s*\d+\s*\))?{_COLON}$",
    re.I,
)
# an aggregator's credit to the outlet it copied, whose date is the outlet's: "المصدر الأصلي: ..."
ORIGINAL_SOURCE = re.compile(r"^\s*المصدر\s+(?:ال)?أصلي\s*[:：]")
# an aggregator's note that the story ran first elsewhere: "نشر لأول مرة على ... بتاريخ ...", "هذا الخبر منشور في
# الأصل على موقع ...", "هذا الخبر منقول من موقع ..."
FIRST_PUBLISHED = re.compile(
    r"^\s*(?:هذا\s+(?:ال)?(?:خبر|مقال|موضوع)\s+)?(?:(?:نُ?شر|منشور)\s+(?:لأول\s+مرة|في\s+الأصل|أصلا)\s+(?:على|في)"
    r"|منقول\s+(?:من|عن))\s+"  # "هذا الخبر منقول من موقع ...": copied from it
    # the whole line: the outlet, perhaps the date ("بتاريخ الأربعاء، 14 مايو 2025"), perhaps the disclaimer after
    # it ("... غير مسؤولة عن محتواه"); a sentence of a text ("نشرت لأول مرة في مجلة ... عام 1974، وما زالت ...")
    # goes on
    r"[^،,.:]{2,40}?(?:\s+بتاريخ\s+(?:[\u0621-\u064a]+\s*[،,]\s*)?[\d٠-٩][^،,.]{3,25}?)?\s*\.?"
    r"(?:\s*[^.]{0,40}(?:غير\s+مسؤول|مسؤولي[ةه])[^.]{0,40}\.?)?\s*$"
)
# a source line that says when its outlet published ("نُشر بتاريخ"; not "بتاريخ" alone, nor "نُشرت في مجلة ...",
# which date what a text cites)
STATES_PUBLICATION = re.compile(r"نُ?شر\s+بتاريخ|تاريخ\s+النشر|Published\s+on", re.I)
# a note that the print edition carried the article ("نُشر في العدد الورقي رقم ... بتاريخ ...")
PRINT_EDITION = re.compile(r"(?:ال)?(?:عدد|نسخ[ةه]|طبع[ةه])\s+(?:ال)?ورقي|print\s+edition", re.I)
SOURCE_LINE = re.compile(
    rf"^\s*المصدر\s*[:：]|{ORIGINAL_SOURCE.pattern}"  # "المصدر: وكالات", an aggregator's "المصدر الأصلي: ..."
    rf"|{FIRST_PUBLISHED.pattern}"
    # a syndicated copy's credit, short, naming the outlet it was taken from: "نقلا عن موقع المال الخليجي."
    r"|^\s*نقلا\s+عن\s+(?:موقع|صحيفة|جريدة|وكالة|قناة|مجلة)\s+[^.،,:]{1,40}\.?(?:\s+المحتوى\s+مسؤولية[^.]{0,40}\.?)?\s*$"
)
# the editors' initials, one or two letters each, perhaps dotted: "ع ق/ م ن", "ع.ق/س.م"
_EDITORS = (
    r"(?:\s+(?:[\u0621-\u064a]\.?){1,2}(?=[\s/.]|$)(?:\s*[/.]\s*(?:[\u0621-\u064a]\.?){1,2})*(?:\s*/)?)*"
)
# How an agency closes its copy, between doubled marks: "//انتهى//", "--(بترا)--", perhaps with its editors'
# initials after it ("--(هنا)-- ع ق/ م ن"); nothing of the article comes after it
END_OF_COPY = re.compile(
    rf"^\s*(?:[-–—ـ/]{{2}}\s*انتهى\s*[-–—ـ/]{{2}}|[-–—ـ/]{{2}}\s*\([^()]{{2,20}}\)\s*[-–—ـ/]{{2}}){_EDITORS}\s*$"
)
# "(يتبع)" under a take of an agency's copy, perhaps with its editors' initials: the copy goes on in the next take
WIRE_TAKE_ENDS = re.compile(rf"^\s*[-–—ـ/]{{0,2}}\s*\(?\s*يتبع\s*\)?\s*[-–—ـ/]{{0,2}}{_EDITORS}\s*$")
# the editors' initials alone on their line, in groups a slash parts: "ع ح ر / ن س"
EDITORS_LINE = re.compile(
    r"^(?=.*/)\s*(?:[\u0621-\u064a]\.?){1,2}(?:(?:\s*/\s*|\s+)(?:[\u0621-\u064a]\.?){1,2})*\s*/?\s*$"
)
# "انتهى" or "(انتهى)" alone: how a copy ends, or how a quoted statement inside the article does
END_WORD = re.compile(rf"^\s*[-–—ـ/]?\s*\(?\s*انتهى\s*\)?\s*[-–—ـ/]?{_EDITORS}\s*$")
# A print edition's note under the article: "نشر هذا المقال في العدد 1322 من النسخة الورقية" (this article, and the
# issue's number or the print edition; "نُشر التحقيق في عدد من الصحف" is a sentence).
PRINT_NOTE = re.compile(
    r"^\W*(?:نشر|نُشر|صدر)(?:ت)?\s+(?:هذا|هذه)\s+(?:ال)?(?:مقال|موضوع|خبر|تقرير|حوار|تحقيق|مادة)\b"
    r"(?=.*(?:\bالعدد\s+(?:رقم\s+)?[\d٠-٩]|الورقية))"
)
# An opinion column's box about its writer, under the text: its label alone on a line ("عن الكاتب", "نبذة عن
# الكاتبة", "الكاتب في سطور"); an obituary or a book's news may head a section so, so it takes the writer's name
# under it to be one (clean._author_box)
AUTHOR_BOX = re.compile(
    rf"^\s*(?:(?:نبذ{_H}\s+)?(?:عن|حول)\s+{_A}ل(?:ك{_A}تب|مؤلف)(?:{_H})?|{_A}ل(?:ك{_A}تب|مؤلف)(?:{_H})?\s+في\s+سطور"
    rf"|بط{_A}ق{_H}\s+{_A}لك{_A}تب(?:{_H})?)\s*[:：]?\s*$"
)
# A table of contents' label over the article's sections: "محتويات المقال", "في هذا التقرير", "جدول المحتويات"
CONTENTS = re.compile(
    rf"^\s*(?:(?:جدول\s+)?{_A}لمحتوي{_A}ت|محتوي{_A}ت\s+(?:{_A}ل)?(?:مق{_A}ل|تقرير|موضوع|صفح{_H})|فهرس(?:\s+{_A}لمق{_A}ل)?"
    rf"|في\s+هذ{_A}\s+(?:{_A}ل)?(?:مق{_A}ل|تقرير|موضوع)|Contents|Table\s+of\s+contents|In\s+this\s+article)\s*[:：]?\s*$",
    re.I,
)
# The link to a writer's other columns, under their name: "جميع مقالات الكاتب", "المزيد من مقالات الكاتبة"
WRITER_ARCHIVE = re.compile(
    rf"^\s*(?:جميع|كل|{_A}لمزيد\s+من|{_A}قر{_A}\s+)\s*(?:{_A}ل)?(?:مق{_A}لات|كت{_A}ب{_A}ت)\s+(?:{_A}ل)?ك{_A}تب(?:{_H})?\s*$"
)
# What a writer's box says they are, first thing on its line: "أستاذ جامعي وباحث ...", "كاتب وصحفي ...", "حاصل على"
WRITER_ROLE = re.compile(
    rf"^\s*(?:{_A}ل)?(?:ك{_A}تب|{_A}ست{_A}ذ|ب{_A}حث|صح(?:ا)?في|{_A}علامي|محلل|خبير|{_A}ك{_A}ديمي|روائي|ش{_A}عر|دبلوم{_A}سي"
    rf"|محرر|مستش{_A}ر|مترجم|حاصل|د\.|دكتور)(?:{_H}|ي{_H})?\b"
)
# The site's note, on a line of its own, that an opinion column speaks for its writer alone: it opens on what is
# published ("المقالات المنشورة ...", "الآراء الواردة في هذا المقال ...", "ما ينشر ...") and says it expresses
# its writers' views or not the site's ("تعبّر عن آراء كتّابها"، "لا تعبر بالضرورة عن رأي الموقع"); a sentence
# that reports a statement ("وقال إن تصريحات السفير لا تعبر عن موقف ...") opens otherwise.
_EXPRESS = r"(?:[تي]عب[ّ]?ر|[تي]مث[ّ]?ل|[تي]عكس)"
# The site's correction under the text: "تصحيح: ورد في نسخة سابقة من هذا المقال أن ..." (a label, and what an earlier
# version said or got wrong)
CORRECTION = re.compile(
    r"^\W*(?:(?:تصحيح|تصويب|تنويه)\s*[:：](?=.*(?:نسخة|صيغة)\s+(?:ال)?(?:سابقة|أولى|سابق))"
    r"|(?:تصحيح|تصويب)\s*[:：](?=.*(?:خطأ|سهوا))"
    # the note without its label, which says that an earlier version of this very article erred: "ورد في النسخة
    # السابقة من هذا التقرير ..." ("نسخة أولى من هذا القانون" is a bill's)
    r"|(?=.*(?:نسخة|صيغة)\s+(?:ال)?سابقة\s+من\s+هذ[اه]\s+(?:ال)?(?:تقرير|مقال|خبر|موضوع|مادة|تحقيق|حوار)))"
)
# The correction's label alone, over its note (clean: where the note ends the article, so does its label)
CORRECTION_LABEL = re.compile(r"^\W*(?:تصحيح|تصويب|تنويه)\s*[:：]?\s*$")
# The label over the list of works an analysis cites, alone on its line: "المراجع", "المصادر والمراجع" (a section
# of the text may be headed so: it ends the text only over cited works, clean._cited_works_under)
REFERENCES = re.compile(
    r"^\s*(?:قائمة\s+)?(?:ال)?(?:مراجع|مصادر)(?:\s+و(?:ال)?(?:مراجع|مصادر))?(?:\s+المعتمدة)?\s*[:：]?\s*$"
)
# The label over an analysis's notes ("الهوامش", "الحواشي", "الإحالات"): its notes explain as often as they cite, so
# it closes the text only over notes that cite works (clean._notes_cite_works)
NOTES = re.compile(r"^\s*(?:ال)?(?:هوامش|حواشي|إحالات)\s*[:：]?\s*$")
# How to cite a paper, under it: "للاستشهاد بهذه الورقة: ...", "طريقة الاستشهاد: ..."
CITE_AS = re.compile(
    r"^\s*(?:للاستشهاد\s+(?:بهذ[هاي]|ب)\s*(?:ال)?(?:ورق[ةه]|دراس[ةه]|مقال[ةه]?|تقرير|بحث)|طريق[ةه]\s+الاستشهاد"
    r"|الاستشهاد\s+المقترح)\s*[:：]"
)
VIEWS_DISCLAIMER = re.compile(
    # (an aggregator's "هذا المحتوى منقول ...": the demonstrative before the content, not before views)
    rf"^\s*[*(]?\s*(?:(?:جميع|كل)\s+|هذ{_A}\s+(?=(?:{_A}ل)?(?:محتوى|مق{_A}ل)\b))?(?:{_A}ل)?(?:مق{_A}لات|مق{_A}ل{_H}?|{_A}ر{_A}ء|مو{_A}د|محتوى|م{_A}\s+(?:ينشر|يُنشر|يرد|نشر))\b"
    # (what it expresses: views, a stand, or its writers alone: "تعبر عن أصحابها")
    rf".{{0,80}}?{_EXPRESS}\s+(?:ب{_A}لضرور{_H}\s+)?عن\s+"
    rf"(?:{_A}ر{_A}ء|ر{_A}ي|وجه{_H}\s+نظر|وجه{_A}ت\s+نظر|موقف|مو{_A}قف(?=.*(?:ب{_A}لضرور{_H}|لا\s+تعكس))|سي{_A}س{_H}|{_A}صح{_A}به{_A}|ص{_A}حبه{_A}?|كت{_A}به{_A}|ك{_A}تبه{_A}?)"
    rf"(?:\s|[.،]|$)"
)
# A site asking for the reader's opinion of the article or their support, as a site addresses its readers: a short
# question alone on its line ("هل أعجبك هذا المقال؟"), or an imperative to both genders ("ادعم/ي ..."); a first
# person's "أدعم الصحافة الحرة" is a sentence.
# The site asks to be followed on a network: "تابعونا على فيسبوك", "تابع صفحتنا على فيس بوك", "تابعوا قناتنا على تلغرام"
# (on a line of its own, perhaps after "لمزيد من الأخبار": a paragraph may quote such a call)
FOLLOW_US = re.compile(
    rf"^\s*(?:ل(?:ل)?مزيد\s+من\s+[^.،:«»\"]{{0,40}}?\s+)?"
    rf"(?:ت{_A}بعون{_A}|ت{_A}بع(?:و{_A}|ي)?\s+(?:صفحتن{_A}|حس{_A}بن{_A}|حس{_A}ب{_A}تن{_A}|قن{_A}تن{_A}))"
    rf"\s+(?:على|عبر|في)\s+(?:{NETWORKS}|فيس\s*بوك)(?![\w])",
    re.I,
)
FOLLOW_US_MAX_WORDS = 20  # the site's pitch is a sentence at most
SUPPORT_PITCH = re.compile(
    r"^\s*(?:هل\s+(?:أعجبك|اعجبك|أفادك|افادك)\s+(?:هذا\s+|هذه\s+)?(?:ال)?(?:مقال|خبر|موضوع|مادة)\s*[؟?]\s*$"
    # a paywall's pitch: "هذا المقال متاح مجاناً لفترة محدودة. اشترك ..."
    r"|(?:هذا|هذه)\s+(?:ال)?(?:مقال|مادة|خبر|تقرير|محتوى)\s+متاح[ةه]?\s+(?:مجان|للمشتركين|لمشتركي)"
    r"|(?:ادعم|ساند)\s*/\s*ي\s)"
)
DATE_MARKER = re.compile(
    # (an update's note between dashes or after a mark says its time: "— تحديث 15:40 ت.غ —", "* تحديث: 16:10";
    # "- تحديث أنظمة الملاحة" is a list's item; the Maghreb's agencies write "تحيين", and number an update's note in
    # brackets: "[تحيين 1 - الساعة 13:40]")
    r"^\s*(?:[-–—]{1,2}|\*|[\[(])\s*(?:آخر\s+)?(?:تحديث|تحيين)\s*(?:[\d٠-٩]{1,2}\s*[-–—]\s*)?[:：]?\s*(?:الساعة\s*)?(?=[\d٠-٩]{1,2}:[\d٠-٩]{2}|[\d٠-٩]{1,2}[/.-][\d٠-٩]{1,2}[/.-])"
    r"|^\s*(?:تاريخ\s+النشر|نشرت?\s+ف[يى]|نُشرت?\s+ف[يى]|نُشرت?|آخر\s+(?:تحديث|تحيين)|تم\s+التحديث|تحديث|Published|Updated)\s*[:：]?"
    r"|^\s*نُ?شرت?\s+(?:يوم|بتاريخ)\s*[:：]?",  # "نشر يوم: الأحد 14 جانفي 2024", "نشر بتاريخ 3 مارس 2025"
    re.I,
)
UPDATE_MARKER = re.compile(
    r"(?:آخر\s+(?:تحديث|تحيين|تعديل)|تم\s+(?:التحديث|التعديل)|^\s*تحديث|Updated|Last\s+(?:updated|modified)"
    r"|(?:Derni[eè]re\s+)?mise\s+[aà]\s+jour|Mis\s+[aà]\s+jour|Modifi[ée])",
    re.I,
)
# "العدد: 16982 - ...": a print edition's issue line states the day the issue, and so the article, was published
PUBLISHED_MARKER = re.compile(
    r"(?:تاريخ\s+النشر|نشرت?\s+ف[يى]|نُشرت?|^\s*نشرت?\b|Published|Publi[ée]|بتاريخ|^\s*العدد\s*[:：]?\s*[\d٠-٩]{3,})",
    re.I,
)
# A web archive's note of when it captured the page ("لقطة بتاريخ 10 مارس 2025", "تم حفظ هذه الصفحة ... بين ...",
# "Saved 14 times between ...", "captured on ..."): the day of the capture, never the article's
ARCHIVE_CAPTURE = re.compile(
    rf"(?:^|\s)(?:لقط{_H}\s+(?:بت{_A}ريخ|مؤرخ{_H}|محفوظ{_H})|{_A}لتق{_A}ط\s+(?:{_A}لصفح{_H}|بت{_A}ريخ)"
    rf"|(?:تم|تمت)\s+(?:حفظ|{_A}رشف{_H})|حُ?فظت|{_A}رشفت|Saved|Captured|Snapshot)(?:\s|$)",
    re.I,
)
# "... العدد 51234 السنة 149": a print edition's running head, whose date is the issue's, and so the article's
ISSUE_NUMBER = re.compile(r"(?<![\u0621-\u064a])العدد\s*[:：]?\s*(?:رقم\s+)?[\d٠-٩]{3,}")
TAGS = re.compile(
    rf"^\s*(?:كلم{_A}ت\s+(?:دل{_A}لي{_H}|مفت{_A}حي{_H}|متعلق{_H})|{_A}لكلم{_A}ت\s+(?:{_A}لد{_A}ل{_H}|{_A}لدل{_A}لي{_H}|{_A}لمفت{_A}حي{_H}|{_A}لمف{_A}تيح|{_A}لمتعلق{_H})|وسوم"
    rf"|{_A}لوسوم|Tags|Keywords|مو{_A}ضيع|{_A}لمو{_A}ضيع|موضوع{_A}ت)\s*(?:[:：].*)?$",
    re.I,
)
# ("رابط مختصر", "الرابط المختصر": the button that copies the short link)
SHARE_BAR = re.compile(r"^\s*(?:طباعة|شارك|Print|Share)(?:\s|$)|^\s*(?:ال)?رابط\s+(?:ال)?مختصر\s*$", re.I)
# a row of the page's tools that opens on printing or sharing: "طباعة | ارسل الى صديق | مقالات اخرى ..."
TOOLS_ROW = re.compile(r"^\s*(?:طباعة|اطبع|شارك|Print|Share)\s*[|•·]\s*\S", re.I)
# (the networks' names are NETWORKS', in every spelling it knows)
SOCIAL_WORDS = {
    "شارك", "شاركها", "مشاركة", "المشاركة", "طباعة", "اطبع", "فيس", "بوك", "اكس",
    "واتس", "آب", "اب", "لينكدإن", "لينكد", "إن",
    "تيك", "توك", "بريد", "البريد", "الإلكتروني", "نسخ", "انسخ", "الرابط", "حفظ", "A+", "A-",
    "LinkedIn", "Print", "Share", "Email", "Copy", "link",
    "غرد", "تغريد", "VK", "Threads", "Pinterest", "Viber",
    "المقال", "A+A-", "Messenger", "ماسنجر", "حجم", "الخط", "تكبير", "تصغير", "أرسل", "ارسل",
    "متابعة", "تابِع", "Follow",  # an embedded post's follow button
    "أضف", "تعليقا", "تعليقاً",  # "أضف تعليقا": the comment form's button in the bar
    "أعجبني", "غردي", "غرّدي", "شاركي", "أرسلي", "ارسلي", "لصديق", "لصديقة",  # a women's magazine's buttons
}  # fmt: skip
# where a podcast is heard too, the platforms one per line under "استمع عبر:" (alone, a brand's name may head an
# article's section: clean reads them under the label only)
PLATFORM_WORDS = frozenset(
    "سبوتيفاي Spotify آبل أبل Apple أنغامي انغامي Anghami ساوند كلاود SoundCloud ديزر Deezer Castbox يوتيوب YouTube"
    " جوجل Google بودكاست Podcasts Podcast".split()
)
BYLINE_MARKER = re.compile(r"^\s*(?:نشر|بقلم|كتب|كتبت|By)\s*[:：]?\s*$", re.I)
# A byline's label alone on its line above the text ("Author," then the name, "Role," then the office); looked for
# only in the article's header, where a subheading "المؤلف" cannot be meant
BYLINE_LABEL = re.compile(
    r"^\s*(?:بقلم|كتب|كتبت|By|Author|Role|الكاتب|المؤلف|المنصب|الصفة)\s*[:：,،]?\s*$", re.I
)
# A page's text-size buttons ("A", "A+", "أ-"), copied one per line
TEXT_SIZE = re.compile(r"^\s*(?:(?:A|أ(?=\s*[+\-−]))\s*[+\-−]?\s*)+$")
# The article's reading time in its header: "مدة القراءة: 4 دق", "قراءة 3 دقائق", "قراءة في دقيقتين", "3 دقائق للقراءة",
# "5 min read": words that say it is a reading's, and its minutes (a number and its unit, or two minutes in words; a
# bare "دقيقة" is also the adjective of a heading's "قراءة دقيقة", a close reading)
_MINUTES = r"(?:[\d٠-٩]+\s*(?:دقيقة|دقيقه|دقائق|دق|د)\.?|دقيقتين|دقيقتان)"
READING_TIME = re.compile(
    rf"^\W*(?:(?:(?:مدة|وقت|زمن)\s+{_A}لقر{_A}ء{_H}\s*[:：]?|قر{_A}ء{_H}(?:\s+في)?)\s*{_MINUTES}"
    rf"|{_MINUTES}\s+(?:لل|{_A}ل)?قر{_A}ء{_H}|[\d٠-٩]+\s*min(?:ute)?s?\.?\s+read)\s*$",
    re.I,
)
# An audio or video player's counter, copied with the page: "00:00 / 24:17" (it starts at nought; its buttons,
# "استمع"، "تحميل", are words an article may head a section with)
PLAYER = re.compile(r"^\s*0?0:00(?::00)?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?\s*$")
# "أطلس بريس - سعيد الكتاني", "الرباط - فهد القحطاني", "بوسفور عربي - وكالات": an outlet or a place, a dash, a
# person's name or the agencies.
BYLINE_DASH = re.compile(
    r"^\s*[^\s\-–—:]+(?:\s+[^\s\-–—:]+){0,2}\s+[-–—/]\s+(?:[\u0621-\u064a]{2,}(?:\s+[\u0621-\u064a]{2,}){1,2}"
    r"|\(?(?:وكالات|وكالة\s+\S+|أ\s*ف\s*ب|رويترز)\)?)\s*$"
)
# The first item of a breadcrumb trail ("الرئيسية / دولي"), which a name before a dash would otherwise match
HOME = re.compile(rf"^\s*(?:{_A}ل)?(?:صفحة\s+{_A}ل)?رئيسي?[ةه](?:\s|$)|^\s*Home\b", re.IGNORECASE)
# A writer's initials alone on a line, as papers sign short items: "ي. ع.", "(م.ب)"
INITIALS = re.compile(r"^\s*\(?\s*(?:[\u0621-\u064a]\s?\.\s*){1,2}[\u0621-\u064a]?\s?\.?\s*\)?\s*$")
# A link to more of a box or a section: "عرض الكل", "شاهد المزيد", "كل الأخبار", "المزيد من الأخبار"
SEE_ALL = re.compile(
    rf"^\s*(?:(?:عرض|ش{_A}هد|تصفح|{_A}قر{_A}|{_A}كتشف)\s+(?:{_A}لكل|{_A}لمزيد|كل|جميع)|{_A}لمزيد|(?:كل|جميع)\s+{_A}ل{_A}خب{_A}ر"
    rf"|See\s+all|More)\b"
    # ("كل النتائج", "جميع المقالات": the link to all of the box's kind, two words alone)
    rf"|^\s*(?:كل|جميع)\s+{_A}ل(?:نت{_A}ئج|مق{_A}ل{_A}ت|{_A}خب{_A}ر|فيديوه{_A}ت|مب{_A}ري{_A}ت|صور|تعليق{_A}ت|عن{_A}وين|ملف{_A}ت)"
    r"\s*$",
    re.I,
)
# A caption says what the photo shows: "جانب من اللقاء", "صورة من ...".
# "التعليق على الصورة، ...": a caption's label, as some sites print it under the photo's credit
_CAPTION_LABEL = r"التعليق\s+على\s+الصورة\s*[،,:]"
CAPTION_LABEL = re.compile(rf"^\s*{_CAPTION_LABEL}")
# A caption its label names, a sentence as it may be: "الصورة: ...", "إنفوجرافيك: ...", "التعليق على الصورة، ..."
_LABELLED = (
    rf"(?:ال)?صورة\s*[:：]|{_CAPTION_LABEL}(?!\s*(?:الذي|التي|الذين)\b)"
    rf"|{_A}نفو(?:غر{_A}ف|جر{_A}ف|جر{_A}في|غر{_A}في)(?:ي?ك)?\s*[:：]|Infographi(?:c|e)\s*[:：]"
    # a table's or a chart's title, labelled so: "جدول: تطور المبادلات ...", "رسم بياني (2): ..." (a title, which
    # closes on no stop; "المخطط:" is a plan's)
    rf"|(?!.*[.!؟?]\s*$)(?:{_A}ل)?(?:جدول|رسم\s+بي{_A}ني)(?:\s*(?:رقم\s*)?\(?[\d٠-٩]{{1,2}}\)?)?\s*[:：]"
)
LABELLED_CAPTION = re.compile(rf"^\s*\(?\s*(?:{_LABELLED})", re.I)
# ("لقطة شاشة من ...", "لقطة من الفيديو": a screenshot's caption, a few words; "لقطة من الماضي" may head a section,
# "لقطة من مسلسل ... تثير غضب المشاهدين" is a headline)
_STILL = r"لقطة\s+(?:شاشة|(?:من|ل)\s+(?:ال)?(?:فيديو|مقطع|بث|شريط|فيلم|مسلسل|مباراة))(?:\s+\S+){0,4}\s*$"
CAPTION = re.compile(
    rf"^\s*\(?\s*(?:جانب\s+من|صورة\s+(?:من|ل)|{_STILL}|{_LABELLED})",
    re.I,
)
# A caption that closes on what the photo is, in parentheses: "طائرة ركاب (صورة أرشيفية)", "... (صورة تعبيرية)"
# ("(تعبيرية)" alone may name a painting's school); not an item of a list or a timeline ("2019: ... (أرشيف)")
_ITEM = re.compile(r"^\s*(?:[-–•*·▪◦]|[\d٠-٩]{1,4}\s*[.)\-–:])")
CAPTION_NOTE = re.compile(
    rf"\(\s*(?:(?:صور{_H}\s+)?(?:{_A}رشيفي{_H}|{_A}رشيف|توضيحي{_H})|صور{_H}\s+تعبيري{_H})\s*\)\s*$"
    # after a dash, the photo's note, in parentheses or not: "... - (تعبيرية)", "... - أرشيفية"
    rf"|\s[-–—]\s*\(?\s*(?:صور{_H}\s+)?(?:{_A}رشيفي{_H}|تعبيري{_H}|توضيحي{_H})\s*\)?\s*$"
    # or on its credit's label: "... (الصورة: الشركة)", "... (تصوير: فلان)"
    rf"|\(\s*(?:{_A}?لصور{_H}|صور{_H}|تصوير)\s*[:：]\s*[^()]{{1,40}}\)\s*$"
)
# A caption that closes on the photo agency's credit in parentheses, with no sentence end before it: "وزيرا
# الخارجية خلال لقاء سابق (الأوروبية)". A paragraph of an agency's copy ends on a full stop before "(رويترز)".
_PHOTO_AGENCY = (
    rf"{_A}ل{_A}وروبي{_H}|{_A}لفرنسي{_H}|رويترز|{_A}\s*\.?\s*ف\s*\.?\s*ب|{_A}سوشيتد\s+برس|{_A}ل{_A}ن{_A}ضول|غيتي(?:\s+{_A}يمجز)?"
    r"|د\s*\.?\s*ب\s*\.?\s*ا|شترستوك|EPA|AFP|Reuters|Getty(?:\s+Images)?|AP|Shutterstock"
)
CAPTION_CREDIT = re.compile(rf"[^\s.!؟?…:]\s*\(\s*(?:{_PHOTO_AGENCY})\s*\)\s*$", re.I)
# "حاوره" / "أجرى الحوار": who conducted an interview, the byline of one
BYLINE = re.compile(
    r"^\s*(?:(?:بقلم|كتب|كتبت|إعداد|اعداد|تحرير|حاوره|حاورها|حاورته|حاورهم|أجرى\s+الحوار|اجرى\s+الحوار|By)\s*[:：]?"
    # ("مراسلنا في موسكو: فلان" signs a part of a dossier)
    r"|(?:مراسل(?:نا|تنا|ه|ها)\s+في\s+[\u0621-\u064a]+(?:\s[\u0621-\u064a]+)?)\s*[:：]"
    # ("ترجمة وتحرير: ...", "ترجمة وإعداد: ...": who translated and edited the copy; "ترجمة: ..." alone may be a
    # quoted post's translation or a book card's translator, and "ترجمة الكتاب ..." a sentence)
    r"|ترجم[ةه]\s+و\s*[\u0621-\u064a]+\s*[:：])\s+\S",
    re.I,
)
# How a credit opens (a dash or a parenthesis perhaps), and the words that credit a photo
_CREDIT_START = r"^\s*(?:[-–—]\s*)?\(?\s*"
# ("عدسة: فلان", the photographer's lens, as Egyptian papers credit a photo)
_PHOTO_WORDS = rf"(?:(?:مصدر|حقوق)\s+)?(?:صور{_H}|{_A}لصور{_H})|تصوير|عدس{_H}(?=\s*[:：])"
CREDIT = re.compile(
    rf"{_CREDIT_START}(?:{_PHOTO_WORDS}|{_A}رشيفي{_H}|{_A}رشيف|صور{_H}\s+{_A}رشيفي{_H}"
    rf"|Getty(?:\s*Images(?:\.\w{{2,3}})?)?|AFP"
    rf"|{_A}\s*\.?\s*ف\s*\.?\s*ب|رويترز|Reuters|AP|DR|EPA|©.{{0,30}}|من\s+{_A}لمصدر|\(?\s*خ{_A}ص\s*\)?)\b.{{0,40}}$"
    rf"|^.{{1,25}}\s[-–/]\s*خ{_A}ص\s*$",
    re.I,
)
# A photo agency's name in Latin script, alone or two joined by a slash ("Sputnik", "AFP/Getty"): a photo's credit
_AGENCY = (
    r"(?:Sputnik|Reuters|AFP|AP|EPA|Getty(?:\s+Images)?|Xinhua|Anadolu|AA|TASS|RIA(?:\s+Novosti)?|Shutterstock"
    r"|iStock|Alamy|Bloomberg|UPI|DPA|ANSA|WAM|SPA|MAP|APS|KUNA|QNA|Pixabay|Unsplash|Wikimedia(?:\s+Commons)?)"
)
PHOTO_AGENCY = re.compile(rf"\s*{_AGENCY}(?:\s*/\s*{_AGENCY})?\s*", re.I)
# A credit that can only be a photo's (a picture word, a copyright sign, a photo agency), not an agency byline
PHOTO_CREDIT = re.compile(rf"{_CREDIT_START}(?:{_PHOTO_WORDS}|©|Getty)")
# "© نجمة موسكو / فلان" on a line of its own: a photo's credit (the agency, then the photographer), not the footer's
# copyright
_NOT_A_PHOTO_CREDIT = r"(?!©\s*[^\d©/|]{2,40}\s*/\s*[^\d©/|]{2,40}\s*$)"
ADVERTISEMENT = re.compile(
    rf"^\s*(?:ت{_A}بعون{_A}|ت{_A}بعو{_A}|{_A}شترك|حم[ّ]?ل(?:و{_A}|ي)?\s+(?:{_A}ل)?تطبيق|{_A}لنشر{_H}\s+{_A}ل(?:بريدي{_H}|{_A}خب{_A}ري{_H})"
    rf"|جميع\s+{_A}لحقوق\s+محفوظ{_H}|حقوق\s+{_A}لنشر|{_NOT_A_PHOTO_CREDIT}©|Copyright|[-–]?\s*{_A}علان|مس{_A}ح{_H}\s+{_A}علاني{_H}|محتوى\s+{_A}علاني\s*$|Advertisement|Publicit[ée]|Anzeige|Publicidad|Pubblicit[àa]|Реклама|محتوى\s+(?:مدعوم|ممول)|(?:محتوى\s+)?حصري\s+للمشتركين|للمشتركين\s+فقط|Sponsored|سج[ّ]?ل\s+{_A}لدخول)",
    re.I,
)
# A promotion's button, a few words that are no sentence: "اضغط هنا للاشتراك", "انضم الآن", "انضموا إلينا"
CALL_TO_ACTION = re.compile(
    rf"^\s*(?:(?:{_A}ضغط|{_A}نقر)(?:و{_A})?\s+هن{_A}|{_A}نضم(?:و{_A}|ي)?\s+(?:{_A}لآن|{_A}لين{_A})"
    rf"|(?:تبرع|{_A}دعم|س{_A}هم)(?:و{_A}|ي)?(?:\s*ن{_A})?\s+{_A}لآن\s*$"  # "تبرع الآن": a donation's button
    rf"|(?:تحميل|تنزيل|حم[ّ]?ل|{_A}حجز)(?:\s+(?:{_A}لتطبيق|{_A}لآن))?\s*$)"  # an app's or an offer's button
)
# A badge's word, of the kicker's words those that never open a headline's own words ("فيديو", "تقرير" may)
BADGE = re.compile(r"عاجل|مباشر|حصري|Breaking|Live|Exclusive", re.I)
# A kicker a site sets before its headline, the genre's words for live, breaking, video and the like.
KICKER = re.compile(
    rf"^\s*(?:مب{_A}شر|عاجل|حصري|خ{_A}ص|فيديو|ب{_A}لفيديو|صور|ب{_A}لصور|تحليل|تقرير|ر{_A}ي|حو{_A}ر|مق{_A}بل{_H}|تحقيق"
    rf"|تغطي{_H}\s+(?:مستمر{_H}|مب{_A}شر{_H}|حي{_H}|خ{_A}ص{_H})|لحظ{_H}\s+بلحظ{_H}"
    r"|Live|Breaking|Video)\s*$",
    re.I,
)
# A newsletter's box: its name ("نشرة ... الصباحية"), or its pitch, which asks the reader to subscribe to have the
# news "in your inbox" (a sentence of the article may mention a reader's inbox, not ask them to subscribe).
NEWSLETTER = re.compile(
    rf"^\s*نشر{_H}\s+(?:\S+\s+){{0,3}}(?:{_A}لصب{_A}حي{_H}|{_A}ليومي{_H}|{_A}لمس{_A}ئي{_H}|{_A}لأسبوعي{_H}"
    rf"|{_A}لثق{_A}في{_H}|{_A}لبريدي{_H})\s*$"
    rf"|^(?=.*(?:{_A}شترك|{_A}شتر{_A}ك|سج[ّ]?ل|{_A}لنشر{_H}|نشرت(?:ن{_A}|ك)))(?=.*(?:في|{_A}لى|على)\s+بريدك\b)"
    # its box: "النشرة الثقافية", "... كل يوم جمعة في بريدك.", the form's "أدخل بريدك الإلكتروني", "اشتراك"
    rf"|^\s*{_A}لنشر{_H}\s+{_A}ل(?:ثق{_A}في|{_A}قتص{_A}دي|بريدي|{_A}خب{_A}ري|ري{_A}ضي|صب{_A}حي|يومي|مس{_A}ئي|{_A}سبوعي){_H}\s*$"
    rf"|^.*(?:كل\s+\S+(?:\s+\S+)?|يومي{_A}ً?|{_A}سبوعي{_A}ً?|شهري{_A}ً?)\s+(?:في|{_A}لى)\s+بريدك\s*[.!]?\s*$"
    rf"|^\s*(?:{_A}دخل\s+)?(?:{_A}ل)?بريد(?:ك)?\s+{_A}لإلكتروني\s*$|^\s*{_A}شتر{_A}ك\s*$"
    # what the letter brings: "رسالة أسبوعية بأهم المواعيد الثقافية ...", "نشرة يومية تصلك بأبرز الأخبار"
    rf"|^\s*(?:{_A}ل)?(?:رس{_A}ل{_H}|نشر{_H})\s+(?:{_A}ل)?(?:{_A}خب{_A}ري{_H}\s+(?:{_A}ل)?)?(?:يومي{_H}|{_A}سبوعي{_H}|شهري{_H})"
    rf"\s+(?:تصلك\s+)?ب(?:{_A}هم|{_A}برز|آخر|كل)\s+[^،,.\s]+(?:\s+[^،,.\s]+){{0,7}}\.?\s*$"  # (one short clause)
)
# A paragraph opening on و and a word that begins with an alef: most often the conjunction and a verb of the derived
# forms ("واستحوذت"، "واتفق"، "وانطلقت"), but also a name ("واشنطن"، "واندا"). A weaker sign that the article goes on
# than CONTINUATION: it counts only where nothing between says another story begins.
WAW_ALEF = MarksIgnored(re.compile(r"^\s*وا[\u0621-\u064a]{2,}"))
# A site's cookie notice: it names cookies and speaks to the visitor (your visit, your browsing, you agree, the best
# experience it promises), as an article's first sentence does not. Only looked for above the article's first paragraph.
_COOKIES = (
    rf"(?:ملف{_A}ت\s+(?:تعريف\s+)?(?:{_A}ل)?{_A}رتب{_A}ط|ملف{_A}ت\s+(?:{_A}ل)?كوكي|(?:{_A}ل)?كوكيز"
    r"|cookies?\b|témoins)"
)
_VISITOR = (
    rf"(?:تجربتك|تصفحك|ب?تصفح\s+هذ|زيارتك|موافقتك|حصولك|توافق(?:ون)?\s+على|ب?{_A}ستخد{_A}مك|ب{_A}ستمر{_A}رك"
    rf"|بمو{_A}صلتك|{_A}عد{_A}د{_A}ت|هذ{_A}\s+{_A}لموقع|موقعن{_A}|\byou|\bvous|\bvotre|this\s+(?:web)?site)"
)
COOKIE_NOTICE_WORDS = 60
# Where a cookie notice may be copied among the paragraphs, it must address the visitor, or say "we use" (a story on
# a law may name cookies and their settings): "نستخدم"، "تجربتك"، "بمواصلتك التصفح"
COOKIE_ADDRESS = re.compile(
    rf"نستخدم|نستعمل|نحن\s+نست|تجربتك|تصفحك|زيارتك|موافقتك|ب{_A}ستخد{_A}مك|بمو{_A}صلتك|ب{_A}ستمر{_A}رك|توافق\s+على"
    r"|\byou|\bvous|\bwe\s+use",
    re.I,
)
# A cookie banner's button: "موافق"، "قبول الكل"، "رفض"، "إعدادات ملفات الارتباط"، "اعرف المزيد"، "Accept"
COOKIE_BUTTON = re.compile(
    rf"^\s*(?:{_A}و{_A}فق|مو{_A}فق|قبول|{_A}قبل|رفض|{_A}رفض|{_A}غل{_A}ق|حسن{_A}ً?|{_A}عرف\s+{_A}لمزيد|{_A}لمزيد"
    rf"|{_A}عد{_A}د{_A}ت|تخصيص|سي{_A}س{_H}|Accept|Reject|OK|Settings|Manage)(?:\s|$)|{_COOKIES}",
    re.I,
)
# The banner a search engine's cached copy sets over the page: what it is a copy of, that the page may have changed
# since, how to find the search terms, the copy's versions
CACHE_BANNER = re.compile(
    r"^\s*(?:هذه\s+(?:هي\s+)?(?:ال)?نسخة\s+(?:(?:ال)?مخبأة|(?:من\s+)?ذاكرة\s+التخزين\s+المؤقت|Google)"
    r"|ربما\s+تكون\s+الصفحة\s+الحالية\s+قد\s+تغيرت|نصيحة\s*:\s*للعثور\s+على\s+عبارة\s+البحث"
    r"|(?:ال)?إصدار\s+(?:ال)?كامل\s+(?:ال)?إصدار\s+(?:ال)?نصي"
    r"|This\s+is\s+Google's\s+cache\s+of|The\s+current\s+page\s+could\s+have\s+changed"
    r"|Tip:\s+To\s+quickly\s+find\s+your\s+search\s+term|Full\s+version\s+Text-only\s+version)",
    re.I,
)


def is_cookie_banner(line: str) -> bool:
    """A cookie notice that addresses the visitor or says "we use" them, as one copied among the paragraphs must."""
    return is_cookie_notice(line) and bool(COOKIE_ADDRESS.search(line))


def is_cookie_notice(line: str) -> bool:
    """A site's cookie notice (above the article): it speaks to the visitor, or says that "we" (or "the site") use
    them to give "the best experience" ("نستخدم ملفات تعريف الارتباط لتقديم أفضل تجربة ممكنة.")."""
    cookies = words(line) <= COOKIE_NOTICE_WORDS and bool(re.search(_COOKIES, line, re.I))
    we_use = bool(
        re.match(
            rf"^\s*(?:نحن\s+)?(?:نستخدم|نستعمل|يستخدم\s+(?:هذ{_A}\s+)?{_A}?لموقع|يستخدم\s+موقع)\b.*{_A}فضل\s+تجرب",
            line,
        )
    )
    return cookies and (bool(re.search(_VISITOR, line, re.I)) or we_use)


# A copyright footer names the rights or a year; a bare © before a name under a photo is its credit.
COPYRIGHT = re.compile(rf"(?:جميع\s+{_A}لحقوق\s+محفوظ{_H}|حقوق\s+{_A}لنشر|Copyright|©\s*(?:19|20)\d\d)", re.I)
# A site's reproduction notice, however long: "لا يسمح بنقل أو اقتباس الأخبار المنشورة ... إلا بإذن": a ban on
# copying its own content, which names what it publishes or the permission (a law banning the transfer of
# materials is a sentence of the article)
REPRODUCTION_NOTICE = re.compile(
    rf"^\s*(?:لا\s+يسمح|يمنع|يحظر)\s+ب?(?:نقل|نسخ|{_A}قتب{_A}س|{_A}ع{_A}د{_H}\s+نشر)(?:\s+{_A}و\s+\S+)?"
    rf"\s+(?:{_A}ل)?(?:{_A}خب{_A}ر|مو{_A}د|محتوى|مق{_A}لات|نصوص)\b"
    rf"(?=.*(?:{_A}لمنشور{_H}|هذ{_A}\s+{_A}لموقع|{_A}لا\s+ب{_A}ذن|دون\s+{_A}ذن|ذكر\s+{_A}لمصدر))"
    # an agency's note on what its subscribers' feed allows: "يُسمح فقط بنشر جزء من الأخبار التي تُبث للمشتركين عبر نظام
    # تدفق الأخبار ..."
    # "الأخبار المنشورة على الموقع الإلكتروني للوكالة هي جزء مختصر من الأخبار المقدمة للمشتركين ...", "الموقع الإلكتروني
    # لوكالة ... يتضمن جزءاً فقط من الأخبار ...", "يعرض الموقع الإلكتروني لوكالة ... جزءًا فقط من الأخبار ..."
    # ("يتم نشر جزء من الأخبار التي تبث عبر نظام تدفق الأخبار ... لعامة المشتركين", "... لمشتركي نظام تدفق الأخبار",
    # "يُسمح فقط باقتباس جزء من أخبار الوكالة التي يتم بثها لمشتركيها ...")
    rf"|^\s*(?:(?:لا\s+)?يُ?سمح\s+(?:فقط\s+)?ب(?:نشر|نقل|{_A}قتب{_A}س|{_A}ع{_A}د{_H}\s+نشر)|{_A}ل{_A}خب{_A}ر\s+{_A}لمنشور{_H}"
    rf"|يتم\s+نشر\s+(?:جزء|ملخص)|(?:(?:يعرض|يتضمن|ينشر|يقدم)\s+)?{_A}لموقع\s+{_A}لإلكتروني\s+لل?وك{_A}ل{_H})(?=.*(?:{_A}ل{_A}خب{_A}ر|{_A}خب{_A}ر\s+(?:{_A}ل)?وك{_A}ل{_H}))"
    rf"(?=.*(?:لل?مشتركين|لمشتركي|{_A}لمشتركين))(?=.*(?:جزء|مختصر|ملخص|تدفق|تُ?بث))"
)
PARENTHESISED_NAME = re.compile(r"^\s*\([^()]{2,30}\)\s*$")
BREADCRUMB = re.compile(r"\S\s*(?:»|>|›|/|\|)\s*\S")
# The structure of an accessible list of links: "قائمة 1 من 3" ... "نهاية القائمة".
# A print page's jump: where the article goes on ("التتمة ص ١٣", "البقية صفحة 5") and, further on, where it comes back
# ("تتمة المنشور ص ١٢")
PAGE_JUMP = re.compile(
    r"^\s*(?:ال)?(?:تتمة|بقية|تابع)(?:\s+(?:ال)?[\u0621-\u064a]+)?\s+(?:ص\.?|صفحة|الصفحة)\s*[\d٠-٩]{1,3}\s*$"
)
LIST_COUNTER = re.compile(
    r"^\s*(?:قائمة\s+\d+\s+من\s+\d+|قائمة\s+من\s+\d+\s+عن[اص]صر|List\s+\d+\s+of\s+\d+|List\s+of\s+\d+\s+items)\s*$",
    re.I,
)
# The end of a list of links as screen readers announce it ("نهاية القائمة", "نهاية قصص مقترحة").
LIST_END = re.compile(
    rf"^\s*(?:نه{_A}ية\s+(?:{_A}ل)?(?:ق{_A}ئمة|قصص|مو{_A}ضيع|روابط|مقترح{_A}ت)"
    rf"(?:\s+(?:{_A}ل)?(?:مقترح\S*|مش{_A}به\S*|متعلق\S*|ذ{_A}ت\s+صل\S*))?|End\s+of\s+(?:list|\w+\s+stories))\s*$",
    re.I,
)
BULLET = re.compile(r"^\s*[•·▪►*\-–]\s+")
# A dateline alone on its line, opening the first paragraph: "الرباط - (ومع) -", "موسكو - أ ش أ:".
# An agency's dateline may carry the day between the place and its name: "تونس 21 جانفي (وات) -"; a site's own may
# credit the agencies after its name: "الرباط - «الموقع» - وكالات".
DATELINE = re.compile(
    r"^\s*[\u0621-\u064a][\u0621-\u064a\s]{1,25}\s*[-–—]\s*(?:\(?[^()\n]{1,20}\)?\s*)?[-–—:]\s*(?:وكالات\s*)?$"
    r"|^\s*[\u0621-\u064a][\u0621-\u064a\s]{1,25}?\s*[-–—,،]?\s*[\d٠-٩]{1,2}\s+(?:"
    + "|".join(sorted((m for m in datetext.MONTHS if re.match(r"[\u0621-\u064a]", m)), key=len, reverse=True))
    + r")(?:\s+[\d٠-٩]{4})?\s*\([^()\d\n]{1,20}\)\s*[-–—:]\s*$"
)
# The dateline that opens a story's first paragraph, with the agency it credits (group 1): "الرباط - (ومع) -",
# "موسكو - أ ش أ:", "لندن: (رويترز)".
OPENING_DATELINE = re.compile(
    r"^\s*[\u0621-\u064a][\u0621-\u064a\s]{1,25}?\s*[-–—:]\s*\(?\s*([^()\-–—:\d]{2,24}?)\s*\)?\s*[-–—:]"
)
# A paragraph that goes on from the one before: a conjunction (و، ف) on its first word or a discourse connective
# (من جهته، في المقابل، كما). An article's first paragraph, or another story's, starts afresh; words whose root
# begins with waw (وزير، وفد، وقع، واشنطن) are not a conjunction.
_CONTINUATION = re.compile(
    r"^\s*(?!و?في\s+سياق\s+آخر|و?على\s+صعيد\s+آخر)"  # "in another matter" opens another story
    # (Egyptian pages write "في" with a final ى: "وفى المقابل")
    r"(?:(?:و|ف)(?:في|فى|من|عن|على|إلى|الى|مع|قد|لا|لم|لن|هو|هي|هم|بين|منذ|كان|كانت|إن|أن)\b"
    r"|و(?!ا|ز|كال|كيل|سط|طن|حد|ثيق|ثائق|لاي|رق|قع|صل|جه|ضع|فد|فق\b|عد\b)[\u0621-\u064a]{3,}"
    r"|و(?:نص|حث)ت?\b"  # a verb of two letters after the conjunction: "ونص الاتفاق على ...", "وحث الوزير ..."
    r"|ف(?:ي|إن|ب|ل|قد|ق)[\u0621-\u064a]{2,}"
    r"|من\s+(?:جهت|جانب|ناحيت)|ف[يى]\s+(?:المقابل|السياق|هذا\s+السياق|سياق\s+(?!آخر)|الأثناء|غضون)|كما\s|غير\s+أن"
    r"|إلا\s+أن|لكن|بدور"
    r"|أما\s|بيد\s+أن|يذكر\s+أن|يشار\s+إلى|وفق[اً]?\s|بحسب\s|حسب\s|إلى\s+ذلك|علاوة|فضلا|بالإضافة)"
)
CONTINUATION = MarksIgnored(_CONTINUATION)
# Boxes a page sets between the article's paragraphs: a photo gallery's counter ("2 / 5"), a video player or promo
# (a duration), an embedded post's signature (its author's handle, "View on Telegram", a view count), a poll.
GALLERY_COUNTER = re.compile(r"^\s*(?:[‹›<>«»]\s*)?\d{1,3}\s*(?:/|من|of)\s*\d{1,3}(?:\s*[‹›<>«»])?\s*$", re.I)
GALLERY = re.compile(
    rf"^\s*(?:{_A}لبوم\s+(?:{_A}ل)?صور|معرض\s+(?:{_A}ل)?صور|صور\s+من\s+\S+|Gallery|Photos)"
    # with its count: "ألبوم الصور (12 صورة)", "معرض الصور - 8 صور" ("صور من المدينة - 12" is a headline's end)
    r"(?:\s*\(\s*[\d٠-٩]{1,3}\s*(?:صور[ةه]?|photos?)?\s*\)|\s*[-–]\s*[\d٠-٩]{1,3}\s*(?:صور[ةه]?|photos?))?\s*$",
    re.I,
)
# "تخطى البودكاست وواصل القراءة": a link over a box set inside the article (a podcast's, a newsletter's) that says
# the article goes on after it
SKIP_BOX = re.compile(r"^\s*(?:تخط[ىي]|تجاوز)\s+\S+(?:\s+\S+){0,3}\s+و(?:وا)?صل\s+(?:ال)?قراءة\s*$")
# A gallery's or a slider's buttons
# a slider's buttons, alone or both on one line as a page copies them ("السابقالتالي", "السابق التالي")
_ARROW_WORD = r"(?:[‹›<>«»←→▶◀\s]+|(?:ال)?س(?:ا)?بق|(?:ال)?ت(?:ا)?لي|Previous|Next|Prev)"
ARROWS = re.compile(rf"^\s*{_ARROW_WORD}(?:\s*{_ARROW_WORD})?\s*$", re.I)
# a link's label that points the reader on with an arrow: "اقرأ التحقق الكامل ←", "شاهد الحلقة كاملة →"
ARROW_LINK = re.compile(
    rf"^\s*(?:{_A}قر{_A}|ش{_A}هد|ت{_A}بع|{_A}كتشف|{_A}طلع|{_A}ستمع|{_A}لمزيد|للمزيد)(?:\s+\S+){{0,4}}\s*[←→⟵⟶⬅➡]\s*$"
)
DURATION = re.compile(r"(?:^|\s|[^\d:])\d{1,2}:\d{2}(?::\d{2})?\s*$")
_VIDEO_WORD = rf"(?:[▶►]\s*)?(?:فيديو|ش{_A}هد\s+{_A}لفيديو|Video|Watch)"
VIDEO = re.compile(
    rf"^\s*(?:{_VIDEO_WORD}|{_A}لمدة|مد{_H}\s+{_A}لفيديو\s*[،,:]?\s*\d)\b",
    re.I,
)
# A video box's label alone on its line, over the video's title: "فيديو", "▶ شاهد الفيديو"
VIDEO_LABEL = re.compile(rf"^\s*{_VIDEO_WORD}\s*[:：]?\s*$", re.I)
# An audio player's label: "استمع إلى التصريح كاملا", "استمع للتقرير"
AUDIO = re.compile(
    r"^\s*(?:[▶►🔊]\s*)?(?:استمع|استمعوا|استمعي)\s+(?:إلى\s+|الى\s+|ل)"
    r"(?:ال)?(?:تصريح|تقرير|حلقة|حلق|مقابلة|حوار|بودكاست|نشرة|مقطع|خبر|مقال|مادة|تسجيل)"
)
# A podcast's player, its show's name over the episode's title: "بودكاست مدار: الطاقة في إفريقيا"
PODCAST = re.compile(
    r"^\s*(?:[▶►🎧🔊]\s*)?(?:ال)?(?:بودكاست|بودكاستات|Podcast)(?:\s+[^\s:|]+){0,3}\s*[:|]", re.I
)
# the toggle that unfolds a video's transcript: "إظهار نص الفيديو ▾", "عرض النص"
TRANSCRIPT_TOGGLE = re.compile(
    rf"^\s*(?:(?:{_A}ظه{_A}ر|عرض)\s+(?:{_A}ل)?نص(?:\s+{_A}ل(?:فيديو|مق[طت]ع))?(?:\s+{_A}لك{_A}مل)?|Show\s+transcript)"
    r"\s*:?\s*[▾▼⌄↓]?\s*$",
    re.I,
)
# A video's transcript: its label (or its toggle), then its lines, each under the time it is said at ("[00:19] ...")
TRANSCRIPT = re.compile(
    rf"^\s*(?:نص\s+{_A}ل(?:فيديو|مق[طت]ع)|{_A}لنص\s+{_A}لك{_A}مل\s+للفيديو|Transcript)\s*:?\s*[▾▼⌄↓]?\s*$"
    rf"|{TRANSCRIPT_TOGGLE.pattern}",
    re.I,
)
# the toggle that folds a transcript away again, under its last line: "إخفاء النص ▴"
TRANSCRIPT_END = re.compile(
    rf"^\s*(?:{_A}خف{_A}ء\s+(?:{_A}ل)?نص(?:\s+{_A}ل(?:فيديو|مق[طت]ع))?|Hide\s+transcript)\s*[▴▲⌃↑]?\s*$", re.I
)
# a line of it under the label (elsewhere "[10:30] ..." may open a live page's update)
TIMED_LINE = re.compile(r"^\s*[\[(]\s*\d{1,2}:\d{2}(?::\d{2})?\s*[\])]\s*\S")
_HANDLE_LINE = r"^\s*@\w{1,30}\s*$"
# a post's card copied from the top: the name, the handle (perhaps on the name's line: "سفارة المملكة في موسكو
# @MarocEmbRu"), then the text
HANDLE_LINE = re.compile(
    r"^\s*(?:[^\s@.،,:؟?!]+\s+){0,6}@\w{1,30}\s*$"
    # an account's name alone as Instagram prints it over a post, without its @: Latin letters joined by an
    # underscore ("dar_alatlas_moscow"; a site's address has dots alone)
    r"|^\s*[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?:[._][A-Za-z0-9]+)*\s*$"
)
# a post's count in words: "412 إعادة نشر", "1.380 إعجاب", "3 آلاف مشاركة"
_COUNT_IN_WORDS = (
    r"[\d٠-٩.,]+\s*(?:(?:ألف|آلاف|مليون|ملايين)\s+|[KkMm]\s*)?"
    r"(?:إعجاب|إعاد(?:ة|ات)\s+نشر|تفاعل|مشارك(?:[ةه]|ات)|تعليق|مشاهدة|رد(?:ود|ا)?)\S*"
)
# the label over a post's card: "منشور على فيسبوك", "منشور من فيسبوك"
_POSTED_ON = (
    rf"^\s*منشور\s+(?:على|في|عبر|من)\s+(?:"
    # or the account that posted it: "منشور من حساب الخارجية على منصة إكس:"
    rf"(?:حساب|صفح{_H}|قن{_A}{_H})\s+[^:.،]{{1,40}}?\s+(?:على|في|عبر)\s+)?(?:منص{_H}\s+)?{NETWORKS}\s*:?\s*$"
)
_REACTION = rf"(?:[^\w\s.,/:·•|\-–]{{1,3}}\s*[\d.,]+\s*[KkMm]?|{_COUNT_IN_WORDS})"
EMBED_SIGNATURE = re.compile(
    rf"^\s*[—–-]\s*[^()]{{1,60}}\(@\w{{1,30}}\)"  # a post on X: "— name (@handle) date"
    # "عرض في تلغرام", "View this post on Instagram", "مشاهدة على YouTube"
    rf"|^\s*(?:عرض|ش{_A}هد|مش{_A}هدة|View|See|Watch)\b.{{0,30}}\b{NETWORKS}\s*$"
    rf"|^\s*(?:{_A}قر{_A}|ت{_A}بع)\s+{_A}لمزيد{_ON_A_NETWORK}"  # "اقرأ المزيد على إكس": a post's footer
    rf"|^\s*(?:منشور\s+مشترك|A\s+post\s+shared)\b"
    # a post's reactions bar ("أعجبني 2.3K · تعليق 418", "أعجبني 1.2 ألف · تعليقات 214")
    r"|^\s*(?:أعجبني|Like)\s*(?:[\d.,]+\s*(?:[KkMmك]|ألف|آلاف|مليون)?\s*)?[·•|]\s*(?:تعليق|Comment)"
    r"|^\s*(?:اقرأ|قراءة|Read)\s+\d+\s+(?:من\s+)?(?:ال)?(?:ردود|ردًا|ردا|تعليقات|تعليقا|replies)\s*$"  # its replies
    r"|^\s*(?:ال)?مشاهدة\s+لاحق[اًً]*\s*$|^\s*Watch\s+later\s*$"  # a video card's "watch later"
    rf"|{_HANDLE_LINE}"  # the account's handle on a line of its own
    # a view count and the time ("👁 18.4K 14:05", "12.4K · 09:40")
    r"|^\W{0,3}(?:\d+(?:[.,]\d+)?\s*[KkMmك]|\d{1,3}(?:,\d{3})+|\d{3,})\s*(?:views?|مشاهد\S*)?(?:\s+|\s*[·•|]\s*)"
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?\s+)?\d{1,2}:\d{2}\s*$"  # (its date may stand before the time)
    r"|^\W{0,3}\d+(?:[.,]\d+)?\s*[KkMm]\s*(?:views?|مشاهد\S*)?\s*$"  # a view count alone ("👁 12.4K")
    # its counts in words: "4.8 ألف إعجاب", "1.1 ألف إعادة نشر", "12 ألف تفاعل"; the label over its card: "منشور على
    # فيسبوك"
    r"|^\W{0,3}[\d.,]+\s*(?:ألف|آلاف|مليون|ملايين)\s+(?:إعجاب|إعادة\s+نشر|إعادات\s+نشر|تفاعل|مشارك(?:[ةه]|ات)|تعليق|مشاهدة)\S*\s*$"
    # a count of likes or reposts alone, which only a post shows ("312 إعادة نشر"; "12 تعليقا" may count an article's)
    r"|^\W{0,3}[\d٠-٩][\d٠-٩.,]*\s*(?:إعجاب|إعاد(?:ة|ات)\s+نشر)\S*\s*$"
    # "منشور من فيسبوك", "تم النشر على X"
    rf"|{_POSTED_ON}|^\s*(?:تم\s+)?{_A}لنشر\s+(?:على|في|عبر|من)\s+{NETWORKS}\s*$"
    # "عرض المنشور" (على المنصة): its link, the network unnamed
    r"|^\s*(?:عرض|مشاهدة|اقرأ)\s+(?:ال)?منشور(?:\s+كامل[اًً]*)?(?:\s+على\s+(?:ال)?منص[ةه])?\s*$"
    # its reactions, two or more, by their signs or in words: "👍 312  💬 47  ↗ 89", "412 إعادة نشر   1.380 إعجاب",
    # "👍 356 · 41 تعليقا · 27 مشاركة"
    rf"|^\s*{_REACTION}(?:\s*[·•|\-–]?\s*{_REACTION})+\s*$"
    # its likes: "أعجب به 3.201 شخص", "1.2K likes", "3,201 إعجاب"
    r"|^\W{0,3}(?:أعجب\s+(?:به|بها|بهذا\s+\S+)\s+[\d.,]+\s*[KkMm]?\s*(?:شخص|أشخاص)?ا?"
    r"|[\d.,]+\s*[KkMm]?\s*(?:إعجاب\S*|likes?))\s*$",
    re.I,
)
# a post card's top: the account's name and its network, "مجلس الدوما | تلغرام"
POST_SOURCE = re.compile(rf"^\s*[^|·•\s][^|·•]{{1,40}}\s*[|·•]\s*{NETWORKS}\s*$", re.I)
# a channel, an account or a page named on its network: "قناة نيفا بالعربية على تيليغرام" (over a post's text and its
# time it tops the post; a fact-check's subheading may read the same)
ON_A_NETWORK = re.compile(
    rf"^\s*(?:قن{_A}{_H}|حس{_A}ب|صفح{_H})\s+[^|·•]{{1,40}}\s+(?:على|عبر|في)\s+{NETWORKS}\s*$", re.I
)
EMBED_TOP = re.compile(
    rf"هذا\s+المنشور|this\s+post|{_POSTED_ON}", re.I
)  # a line above an embedded post's text, not below it ("منشور من فيسبوك": the label over its card)
HASHTAGS = re.compile(r"^\s*(?:#\w+\s*){1,12}$")  # a line of hashtags alone: a post's, or a page's tags
# What introduces a quotation or a post rather than a list: a verb of saying or posting that opens the line, not
# followed by what reports the words ("وقال الوزير إن ... ما يلي:" announces a list), or a post's place
QUOTE_LEAD_IN = re.compile(
    rf"^\s*[وف]?(?:ق{_A}ل|ق{_A}لت|كتب|كتبت|غرد|غردت|نشر|نشرت|علق|علقت)\b(?!.*\s{_A}ن(?:ّ|ه|ها|هم|هما|هن|ني|نا)?\s)"
    rf"|(?:^|\s)(?:تدوينة|تغريدة|منشور|حس{_A}به|حس{_A}به{_A}|صفحته|صفحته{_A}|قن{_A}ته|قن{_A}ته{_A}|ج{_A}ء\s+فيه{_A}?)(?=\s|[:،,]|$)"
)
# What introduces other stories rather than the article's list: the reader addressed, or stories named
LINKS_LEAD_IN = re.compile(
    rf"(?:^|\s)(?:يمكنكم|يمكنك|تابعوا|ط{_A}لعوا|{_A}قرؤو{_A}|{_A}قرأو{_A}|ش{_A}هدو{_A}|للمزيد|لمزيد|{_A}ليكم|نشرن{_A}"
    # "قد يهمك"، "قد يعجبك"، "ولمتابعة تطورات الملف"، "ومن تغطيتنا السابقة"، "وفي هذا الملف أيضا": the reader
    # is sent to other stories
    rf"|يهمك|يهمكم|يعجبك|يعجبكم|و?لمت{_A}بع{_H}|تغطيتن{_A}|هذ{_A}\s+{_A}لملف"
    rf"|و?في\s+(?:سي{_A}ق\s+متصل|{_A}لسي{_A}ق\s+ذ{_A}ته|{_A}لش{_A}ن\s+ذ{_A}ته)|{_A}برز\s+{_A}لعن{_A}وين"
    rf"|(?:{_A}ل)?(?:تق{_A}رير|مق{_A}لات|مو{_A}ضيع"
    rf"|{_A}خب{_A}ر|روابط|قصص)\s+(?:{_A}لت{_A}لية|{_A}لآتية|ذ{_A}ت\s+{_A}لصلة))(?=\s|[:،,]|$)"
)
# Titles that precede a person's name in news texts; what follows them is an office and a name.
TITLE_WORDS = (
    "وزير", "وزيرة", "سفير", "سفيرة", "رئيس", "رئيسة", "نائب", "نائبة", "مدير", "مديرة", "المتحدث", "المتحدثة",
    "الناطق", "الناطقة", "الأمين", "مستشار", "مستشارة", "المبعوث", "قنصل", "محافظ", "والي", "عمدة", "أمين",
)  # fmt: skip
# The title of a fact box set inside an article: key points, figures, a timeline, a profile, background.
FACT_BOX = re.compile(
    rf"^\s*(?:(?:{_A}برز|{_A}هم)\s+(?:{_A}ل)?(?:نق{_A}ط|{_A}لمحط{_A}ت|محط{_A}ت|{_A}لمعلوم{_A}ت|{_A}لأرق{_A}م|م{_A}\s+(?:ج{_A}ء|ورد))"
    rf"|(?:ب|في\s+)?{_A}?ل?{_A}رق{_A}م(?:\s+و\S+|\s+(?:{_A}ل)?(?:رئيسي{_H}|ب{_A}رز{_H}|مهم{_H}))?|في\s+سطور|م{_A}\s+(?:نعرفه|نعلمه)(?:\s+حتى\s+{_A}لآن)?"
    rf"|(?:{_A}ل)?(?:خط|تسلسل)\s+(?:{_A}ل)?زمني|محط{_A}ت(?:\s+(?:ب{_A}رزة|رئيسية|ت{_A}ريخية))?|حق{_A}ئق(?:\s+و{_A}رق{_A}م)?|ب{_A}ختص{_A}ر"
    rf"|نق{_A}ط\s+رئيسية|معلوم{_A}ت\s+سريعة|بط{_A}قة\s+تعريف(?:ية)?|Key\s+points|Fact\s*box|Timeline)\s*:?\s*$",
    re.I,
)
# The label of a summary set above an article's text ("الملخص"): the paragraph under it is the summary.
# A summary's label on the summary's own line: "ملخص اليوم: ...", "خلاصة: ..." (a live page pins one over its updates)
INLINE_SUMMARY = re.compile(
    rf"^\s*(?:{_A}ل)?(?:ملخص|خلاص{_H})(?:\s+(?:{_A}ليوم|{_A}ل{_A}حد{_A}ث|{_A}لخبر|{_A}لمق{_A}ل|{_A}لتغطي{_H}))?\s*[:：]\s*\S"
)
# A box that profiles the person an interview or a column speaks with or of, on one line: "في سطور: فلان، من مواليد
# ..." (a section of the text is never headed so with its colon)
PROFILE_BOX = re.compile(r"^\s*(?:\S+\s+)?في\s+سطور\s*[:：]\s*\S")
# The site's note that the article belongs to its dossier: "هذا التقرير جزء من ملف ..."، "ينشر هذا المقال ضمن
# سلسلة ...", "أُنتج هذا التقرير ... ضمن ملف ..." (a report, an inquiry or an episode the news is about belongs
# to a series of its own: "هذا التقرير جزء من سلسلة تقارير تصدرها المنظمة"; so a note that names no dossier
# must say it is published)
_THIS_ARTICLE = r"هذ[اه]\s+(?:ال)?(?:تقرير|مقال|مادة|موضوع|قصة)"
SERIES_NOTE = MarksIgnored(
    re.compile(
        rf"^\W*(?:(?:[يت]نشر|نشر)\s+{_THIS_ARTICLE}\s+(?:ضمن|في\s+إطار)"
        rf"|(?:(?:[يت]أتي|أنتج)\s+)?{_THIS_ARTICLE}\s+[^.]{{0,60}}?(?:جزء\s+من|ضمن|في\s+إطار)\s+(?:\S+\s+)?"
        # the dossier or the series by its name in quotation marks, or the site that publishes it ("ملف التحقيق" is
        # an inquiry's file)
        r"(?:ملف|سلسلة|مشروع)(?:\s+\S+){0,2}?\s*(?:[«\"“]|[^.]{0,40}?[يت](?:نشرها|عدها|قدمها)))"
    )
)
SERIES_NOTE_MAX_WORDS = 40


def _series_note(line: str) -> bool:
    """The site's note that the article belongs to its dossier, before the text or after it."""
    return bool(SERIES_NOTE.match(line)) and words(line) <= SERIES_NOTE_MAX_WORDS


# A fact-check's box over its text: the claim under its label alone ("الادعاء"), then the verdict under its own
# ("الحكم", "التقييم: زائف"), the box's lines one under another
CLAIM_LABEL = re.compile(rf"^\s*(?:{_A}ل)?{_A}دّ?ع{_A}ء\s*[:：]?\s*$")
VERDICT_LABEL = re.compile(
    rf"^\s*(?:{_A}ل)?(?:حكم|تقييم|تصنيف|نتيج{_H}|حقيق{_H})\s*[:：]?(?:\s*[\u0621-\u064a]+)?\s*$"
)
SUMMARY_LABEL = re.compile(
    # (an aggregator's button over its summary: "عرض الملخص")
    rf"^\s*(?:(?:عرض|{_A}ظه{_A}ر)\s+)?(?:(?:{_A}ل)?ملخص(?:\s+{_A}لمق{_A}ل)?|ب{_A}ختص{_A}ر|Summary|In\s+short)\s*:?\s*$",
    re.I,
)
# The label of a box of key points above the text: a summary only where a list follows it (an explainer may head
# its own prose with "ما يجب معرفته").
KEY_POINTS_LABEL = re.compile(
    rf"^\s*(?:Key\s+points|(?:{_A}ل)?نق{_A}ط\s+(?:{_A}ل)?(?:رئيسي{_H}|{_A}س{_A}سي{_H}|ب{_A}رز{_H})|(?:{_A}برز|{_A}هم)\s+{_A}لنق{_A}ط"
    rf"|م{_A}\s+يجب\s+(?:{_A}ن\s+)?(?:تعرفه|معرفته)|م{_A}\s+نعرفه(?:\s+حتى\s+(?:{_A}لآن|{_A}للحظ{_H}))?)\s*:?\s*$",
    re.I,
)
# "النتائج" alone: a poll's button under its vote button, a subheading anywhere else
POLL_RESULTS = re.compile(rf"^\s*{_A}لنت{_A}ئج\s*$")
POLL = re.compile(
    # (a poll's label, "سبر آراء" in the Maghreb, and its buttons: a one-word "النتائج" is always a poll's)
    rf"^\s*(?:{_A}ستطلاع(?:\s+{_A}لر{_A}ي)?|سبر\s+(?:{_A}ل)?آر{_A}ء|صو[ّ]?ت|تصويت|Poll|Vote"
    rf"|(?:عرض|ش{_A}هد|مش{_A}هدة)\s+{_A}لنت{_A}ئج|Results|View\s+results)\s*$",
    re.I,
)
# a verse closes as a sentence does, perhaps with its reference after it: "﴿...لِتَعَارَفُوا﴾ [الحجرات: ١٣]"
_VERSE_END = r"|﴾(?:\s*[\[(][^\[\]()]{1,30}[\])])?\s*$"
# (a note's number may follow the stop: "... دول الخليج.[2]", "... الساحل.(3)", "... 2024.¹")
# (no space between: "... (12)" after a stop is a card's count of comments)
_NOTE_MARK = r"(?:[\[(][\d٠-٩]{1,3}[\])]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})?"
SENTENCE_END = re.compile(r"[.!؟?…»\"”:؛]" + _NOTE_MARK + r"\s*$" + _VERSE_END)
PARAGRAPH_END = re.compile(r"[.!؟?…»\"”]" + _NOTE_MARK + r"\s*$" + _VERSE_END)
PARAGRAPH_END_NOT_QUESTION = re.compile(
    r"[.!…»\"”؛]\s*$"
)  # a line may end with a question and still be a heading


@dataclass(frozen=True)
class Marker:
    """What a line says it is: a removal reason and the rule that found it."""

    role: str
    rule: str


def words(line: str) -> int:
    return len(line.split())


def is_latin_credit(line: str) -> bool:
    """A bare name in Latin script under a caption (Sputnik, Getty): a photo credit."""
    s = line.strip()
    return (
        words(s) <= 4
        and bool(re.search(r"[A-Za-z]", s))
        and not re.search(r"[\u0600-\u06ff]", s)
        and not is_social_bar(s)
        and not is_date_line(s)
    )


_QUOTED = re.compile(r"«[^«»]*»")
_TRAIL_SEPARATOR = re.compile(r"\s(?:»|>|›|/|\|)\s|(?<=\S)(?:»|›)(?=\S)")


def is_breadcrumb(line: str) -> bool:
    """A trail of sections (الرئيسية > دولي > ...): two separators at any length, one in a short line; not where
    what follows the last separator is a paragraph, closed by a full stop, that an agency's slashes open ("الرباط
    في 9 سبتمبر / لنا / بحث وزير ...")."""
    # «...» quotes a phrase: its closing mark is no trail's separator ("... «لا تقبل أن تكون ساحة»، مشدداً ...")
    pieces = _TRAIL_SEPARATOR.split(_QUOTED.sub(" x ", line))
    if (
        len(pieces) == 3
        and not HOME.match(pieces[0])
        and words(pieces[1]) <= 3
        and words(pieces[-1]) >= 8
        and pieces[-1].rstrip().endswith(".")
    ):
        return False  # a place, the agency between slashes, then the paragraph
    return len(pieces) >= 3 or (bool(BREADCRUMB.search(_QUOTED.sub(" x ", line))) and words(line) <= 8)


_QUOTED_OR_TRAIL_SEPARATOR = re.compile(rf"{_QUOTED.pattern}|{_TRAIL_SEPARATOR.pattern}")


def trail_items(line: str) -> list[str]:
    """The items of a breadcrumb line, in order ("الرئيسية » اقتصاد » headline" gives three); a phrase in «...» is
    one item's words, as is_breadcrumb reads it."""
    items, start = [], 0
    for found in _QUOTED_OR_TRAIL_SEPARATOR.finditer(line):
        if not found.group(0).startswith("«"):
            items.append(line[start : found.start()].strip())
            start = found.end()
    return [*items, line[start:].strip()]


def is_credit(line: str) -> bool:
    """A photo credit: a credit word or a bare name in parentheses, in a few words ("(يتبع)" is no name, nor is an
    update's note, "(تحديث 2 - 17:15)")."""
    named = bool(CREDIT.match(line)) or (
        bool(PARENTHESISED_NAME.match(line))
        and not WIRE_TAKE_ENDS.match(line)
        and not DATE_MARKER.match(line)
    )
    return named and words(line) <= 6


# "شارك هذا المقال على فيسبوك", "شاركوا الخبر عبر واتساب": a share button's prompt
SHARE_PROMPT = re.compile(
    rf"^\s*(?:شارك|ش{_A}ركو{_A}|ش{_A}ركي)\s+(?:هذ{_A}\s+|هذه\s+)?(?:{_A}ل)?(?:مق{_A}ل|خبر|موضوع|تقرير|م{_A}د{_H}|صفح{_H})"
    rf"(?:\s+(?:على|عبر|في)\s+{NETWORKS})?\s*$"
)


_SHARE_VIA = frozenset("عبر على من خلال".split())


# "استمع عبر:", "استمع إلى الحلقة على:", "متوفر على:": a label over the platforms where an episode is heard too
LISTEN_ON = re.compile(
    rf"^\s*(?:{_A}ستمع(?:و{_A})?(?:\s+(?:إلى|{_A}لى)\s+{_A}لحلق{_H})?|متوفر{_H}?|متاح{_H}?)\s+(?:عبر|على|في)\s*[:：]\s*$"
)


def is_platform(line: str) -> bool:
    """A line made only of the names of platforms where an episode is heard ("آبل بودكاست")."""
    tokens = line.split()
    return bool(tokens) and all(t in PLATFORM_WORDS for t in tokens) and len(tokens) <= 3


def is_social_bar(line: str) -> bool:
    """A line made only of share and social-network words, or a share button's prompt."""
    if SHARE_PROMPT.match(line) or LISTEN_ON.match(line):
        return True
    tokens = [t for t in re.split(r"[\s|/•·,،]+", line.strip()) if t]
    # (the prepositions of "شارك عبر فيسبوك تويتر" join two networks' names or more)
    network = [bool(re.fullmatch(NETWORKS, t)) for t in tokens]  # (every spelling NETWORKS knows)
    joined = all(
        t in SOCIAL_WORDS or named or (t in _SHARE_VIA and sum(network) >= 2)
        for t, named in zip(tokens, network)
    )
    return bool(tokens) and joined and words(line) <= 12


# the words a date line opens on before its day ("نشر في 12 ...", "تاريخ النشر 12 ...")
DATE_MARKER_WORDS = frozenset(
    "نشر في فى بتاريخ تاريخ النشر آخر تحديث حدث يوم منشور محدث محدّث التحديث الأخير العدد منذ صدر صحيفة جريدة".split()
)
_DATE_WORDS = frozenset(
    [
        *datetext.WEEKDAY_WORDS,
        *"الساعة على في فى ص م مـ هـ مساء صباحا صباحاً مساءً GMT UTC توقيت مكة بتوقيت غرينتش يوم".split(),
    ]
)


# a role and the name it credits, in a few words: "هندسة صوتية: طارق المصري"
_CREDITED = re.compile(
    r"^\s*[\u0621-\u064a]+(?:\s[\u0621-\u064a]+)?\s*[:：]\s*[\u0621-\u064a]+(?:\s[\u0621-\u064a]+){0,2}\s*$"
)
_CELLS = re.compile(r"\s[|•]\s")  # a row's cells: "2026/01/20 | 1,284 مشاهدة", "بقلم فلان | نشر في ..."


def is_date_line(line: str) -> bool:
    """A short line that states a date (or a relative time) and little else: a date line, a site clock; or a row of
    the article's details that opens on one ("2026/01/20 - 10:33 ص | 1,284 مشاهدة | المحرر: ...")."""
    cells = _CELLS.split(line)
    # each detail a count ("1,284 مشاهدة") or a label's value ("المحرر: ..."), not a timeline's event
    details = all(words(c) <= 5 and re.search(r"[\d٠-٩]|[:：]\s*\S", c) for c in cells[1:])
    if len(cells) > 1 and _one_date_line(cells[0]) and details:
        return not any(SENTENCE_END.search(c.rstrip()) for c in cells[1:])
    return _one_date_line(line)


# the closing formula of an official text, which the text holds: "حرر بالرباط في ...", "وحرر في موسكو بتاريخ ..."
_DONE_AT = re.compile(
    r"^\W*و?حرر(?:ت)?\s+(?:ب|في\s)(?!.*\d{1,2}:\d{2})"
)  # (a time of day: the page's date line)
# after a date that opens its line, a colon and a sentence: what happened that day
_TIMELINE_EVENT = re.compile(r"^\s*[:：]\s*[\u0621-\u064a]\S*(?:\s+\S+)+?[.!؟]\s*$")


def _one_date_line(line: str) -> bool:
    if words(line) > (24 if DATE_MARKER.match(line) else 16):
        return False
    digits = line.translate(datetext.ARABIC_DIGITS)
    dated = (
        bool(datetext.find_dates(line)) or datetext.has_hijri(line) or bool(datetext.RELATIVE.search(line))
    )
    if not dated:
        return False
    if DATE_MARKER.match(line):
        return True
    found = datetext.find_dates(line)
    if found and not line[: found[0].start].strip() and _TIMELINE_EVENT.match(line[found[0].end :]):
        return False  # a timeline's entry: "2 ديسمبر 2025: الوفاة في الرباط."
    if _DONE_AT.match(line):
        return False  # a statement's or an agreement's own closing line: "حرر بالرباط في 3 فبراير 2026."
    rest = datetext.without_dates(digits)
    leftover = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w not in _DATE_WORDS]
    return len(leftover) <= 2


def before_text(line: str) -> Marker | None:
    """The markers that identify a line anywhere before the article's first paragraph."""
    if SOURCE_LINE.match(line):
        return Marker("source_line", "source-marker")
    if DATE_MARKER.match(line) and words(line) <= 10:
        return Marker("date_line", "date-marker")
    if TAGS.match(line):
        return Marker("tags", "tags-marker")
    if SHARE_BAR.match(line) and words(line) <= 3:
        return Marker("share_bar", "share-marker")
    if BYLINE_MARKER.match(line):
        return Marker("byline", "byline-marker")
    if INLINE_SUMMARY.match(line):
        return Marker("summary", "summary-label")
    if _series_note(line):
        return Marker("related", "series-note")
    return None


def is_copyright(line: str) -> bool:
    """A copyright line (short: the words may stand in a sentence; a footer's row of links may end on it, "عن
    الصحيفة | اتصل بنا | ... جميع الحقوق محفوظة © ...") or a site's reproduction notice."""
    last = re.split(r"\s[|•]\s", line)[-1]
    # a footer's notice that opens on the sign, its rights in its first sentence and its terms after ("© الوكالة -
    # جميع حقوق النشر محفوظة. يمنع نقل ...")
    signed = re.split(r"[.!؟]\s", line)[0] if line.lstrip().startswith("©") else ""
    short = any(COPYRIGHT.search(part) and words(part) <= 14 for part in (line, last, signed))
    return short or bool(REPRODUCTION_NOTICE.match(line))


# An advertisement's label alone on its line: "إعلان", "- إعلان -", "Advertisement"
AD_LABEL_ALONE = re.compile(
    rf"^\s*[-–]?\s*(?:{_A}علان|{_A}شه{_A}ر|Advertisement|Publicit[ée])\s*[-–]?\s*$", re.I
)
# An app store's badge alone on a line (an advertisement's label is AD_LABEL_ALONE's; "إشهار" is the Maghreb's word)
_STORE = rf"(?:Google\s+Play|App\s+Store|App\s*Gallery|{_A}ب\s+ستور|(?:غوغل|جوجل|قوقل)\s+بل{_A}ي)"
APP_BADGE = re.compile(
    rf"^\s*(?:(?:{_A}حصل\s+عليه|حم[ّ]?له|نز[ّ]?له|متوفر|متو{_A}فر|مت{_A}ح)\s+(?:من|على|في)\s+)?{_STORE}\s*$",
    re.I,
)
# Words the site says to the reader, never the article's: a prompt to let it send notifications, a question or an
# imperative ("هل تريد تفعيل الإشعارات؟", "تلقَّ تنبيهات فورية بأهم الأخبار"); the prompt's buttons alone ("ليس
# الآن", "تفعيل", which is no subheading alone either); the consent under a subscription's form ("بالاشتراك، أنت
# توافق على سياسة الخصوصية")
_NOTIFICATIONS = rf"(?:{_A}ل)?(?:{_A}شع{_A}ر{_A}ت|تنبيه{_A}ت)"
_TO_THE_READER = "|".join(
    (
        r"هل\s+(?:تريد|تود|ترغب)",
        r"فع[ّ]?ل(?:ي)?",
        rf"{_A}سمح(?:ي)?\s+لن{_A}",
        r"تلق[َّ]+|تلق",
        rf"{_A}شترك(?:ي)?",
        rf"{_A}حصل\s+على",
        r"لتصلك",
        rf"ك[نـ]\s+{_A}ول",
    )
)
READER_PROMPT = re.compile(
    rf"^(?=.*{_NOTIFICATIONS})(?=\s*(?:{_TO_THE_READER})\s)"
    rf"|^\s*(?:ليس\s+{_A}لآن|لاحق{_A}[ًٌ]?|لا\s+شكر{_A}[ًٌ]?|تفعيل|{_A}لسم{_A}ح)\s*$"
    rf"|^.*(?:(?:{_A}نت|ف{_A}نت|ف{_A}نك|{_A}نك)\s+توافق|موافقتك)\s+على\s+(?:سي{_A}س{_H}\s+{_A}لخصوصي{_H}|شروط)"
)
READER_PROMPT_MAX_WORDS = 12


def header(line: str) -> Marker | None:
    """The markers of the lines between a headline and the first paragraph (and of lines inside the article)."""
    found = before_text(line)
    if found:
        return found
    if is_date_line(line):
        return Marker("date_line", "date-line")
    if is_social_bar(line):
        return Marker("share_bar", "social-words")
    if PLAYER.match(line):
        return Marker("share_bar", "player-buttons")
    if TEXT_SIZE.match(line):
        return Marker("share_bar", "text-size-buttons")
    if READING_TIME.match(line):
        return Marker("date_line", "reading-time")
    # (perhaps with its date after a bar: "بقلم فلان | نشر في 10 أبريل 2025")
    cells = _CELLS.split(line)
    # (or with the other credits of the work: "إعداد: فلان | هندسة صوتية: فلان")
    dated = all(
        _one_date_line(c) or (words(c) <= 5 and re.search(r"[\d٠-٩]", c)) or _CREDITED.match(c)
        for c in cells[1:]
    )
    # (its words, not the dashes between a team's names: "إعداد: فلان - فلان - فلان")
    named = sum(bool(re.search(r"[^\W\d_]", token)) for token in cells[0].split())
    if BYLINE.match(line) and named <= 8 and (len(cells) == 1 or dated):
        return Marker("byline", "byline-words")
    if WIRE_TAKE_ENDS.match(line) or EDITORS_LINE.match(line):
        return Marker("source_line", "wire-take-ends")
    if is_credit(line):
        return Marker("credit", "credit-words")
    if BYLINE_DASH.match(line) and not HOME.match(line):
        return Marker("byline", "name-after-dash")
    if INITIALS.match(line):
        return Marker("byline", "initials")
    if CAPTION.match(line) and words(line) <= 30:
        return Marker("caption", "caption-words")
    if (
        (CAPTION_NOTE.search(line) or CAPTION_CREDIT.search(line))
        and words(line) <= 25
        and not CONTINUATION.match(line)
        and not _ITEM.match(line)
    ):
        return Marker("caption", "caption-with-photo-note")
    if (
        (ADVERTISEMENT.match(line) and words(line) <= 14)
        or (NEWSLETTER.search(line) and words(line) <= 24)
        or AD_LABEL_ALONE.match(line)  # "إعلان", "- اشهار -"
        or APP_BADGE.match(line)
        or (READER_PROMPT.match(line) and words(line) <= READER_PROMPT_MAX_WORDS)
        or (CALL_TO_ACTION.match(line) and words(line) <= 6 and not SENTENCE_END.search(line))
        or (FOLLOW_US.search(line) and words(line) <= FOLLOW_US_MAX_WORDS)
    ):
        return Marker("advertisement", "promotion-words")
    return None


# A web address alone on its line: a link's card, or the footer a browser prints on each page (its address and the
# page's number, "https://... 1/2"); an article's sentence that gives an address says something around it
ADDRESS_ALONE = re.compile(r"^\s*(?:https?://|www\.)\S+(?:\s+\d{1,3}\s*/\s*\d{1,3})?\s*$", re.I)


# a player's button alone on its line ("تشغيل", "▶ Play"), under a video's or an audio's title
PLAYER_BUTTON = re.compile(
    r"^\s*[▶►⏵🎧🔊⬇]?\s*(?:تشغيل|إيقاف(?:\s+مؤقت)?|استمع\s+الآن|Play|Pause|Listen"
    # the video player's other controls: sound, settings, full screen
    r"|(?:إلغاء\s+)?كتم\s+الصوت|ملء\s+الشاشة|(?:ال)?شاشة\s+(?:ال)?كاملة|الإعدادات|Mute|Unmute|Settings|Full\s*screen"
    # its picture's quality and its subtitles' switch, in letters no article's heading is: "HD", "720p", "CC"
    r"|HD|SD|4K|[0-9]{3,4}p|CC"
    # an episode's download button, the player's speed ("1x", "1.5x")
    r"|(?:تنزيل|تحميل)\s+(?:ال)?(?:حلقة|ملف\s+الصوتي|مقطع)|[0-2](?:[.,][25]5?)?\s*[x×])\s*$",
    re.I,
)
# a player's settings in words an article's subheading may be too ("الجودة", "الترجمة"): a player's only beside its
# other buttons
PLAYER_SETTING = re.compile(
    r"^\s*(?:(?:ال)?جودة|(?:ال)?ترجمة(?:\s+(?:ال)?نصية)?|Subtitles|Captions)\s*$", re.I
)
# a link's label that says where it leads: "الانتقال إلى بنك الصور", "الانتقال إلى المقال"
GO_TO = re.compile(
    r"^\s*الانتقال\s+(?:إلى|الى|ل)\s*(?:ال)?(?:بنك\s+الصور|مقال|صفحة|قسم|تعليقات|فيديو|محتوى|رئيسية|أعلى|معرض)"
    r"(?:\s+\S+){0,2}\s*$"
    # a widget's button that opens its chart or its table: "عرض الرسم البياني"
    r"|^\s*(?:عرض|تصفح|افتح)\s+(?:ال)?(?:رسم\s+(?:ال)?بياني|جدول\s+(?:ال)?كامل|أسعار\s+(?:ال)?كاملة)\s*$"
    # a button that downloads the article's graphic or document: "تحميل الإنفوغراف", "تنزيل التقرير (PDF)"
    # (its graphic, or a file it names as a PDF: "تحميل الملف" alone may head a how-to's step)
    rf"|^\s*(?:تحميل|تنزيل)\s+(?:ال)?(?:{_A}نفو(?:غر|جر)\S*(?:\s+PDF)?|\S+(?:\s+(?:ال)?كامل[ةه]?)?\s*(?:PDF|\(\s*PDF\s*\)))\s*$"
)


# a button that unfolds the rest of the article where it stands: "أكمل القراءة", "تابع القراءة ↓", "اقرأ المزيد"
READ_MORE_BUTTON = re.compile(rf"^\s*(?:{_READING_ON}|عرض\s+{_A}لمزيد)\s*[↓⌄▼…\.]*\s*$")
# where a light or text-only version, or a reader, leaves a photo out: "[صورة]", "[صورة: الوزير في الرباط]", "[image]"
PHOTO_PLACEHOLDER = re.compile(
    r"^\s*\[\s*(?:صورة|الصورة|صور|image|photo|img|picture)(?:\s*[:：][^\[\]]{0,120})?\s*\]\s*$", re.I
)


# an advert's contact line: a label and a telephone number ("للاتصال: 05.37.00.00.00", "هاتف: +212 ..."); an article may
# list its own numbers under a lead-in, so it says what an advert's line is only at an advert's end
CONTACT_LINE = re.compile(
    r"^\s*(?:للاتصال|للتواصل|للحجز|للاستفسار|للاستعلام|(?:ال)?هاتف|(?:ال)?جوال|(?:ال)?فاكس|Tel|Phone|Fax)\s*[:：]?\s*"
    r"(?:\+|00)?\(?\d[\d ().\-/]{6,}\d\s*$",
    re.I,
)


# A market quote's change, an arrow up or down by a percentage ("USD/MAD 9.021 ▲ 0.04%"): a ticker's or a market
# widget's line, which no sentence of an article writes so
MARKET_QUOTE = re.compile(r"[▲▼△▽🔺🔻]\s*[-+]?[\d٠-٩]+(?:[.,٫][\d٠-٩]+)?\s*[%٪]")
MARKET_QUOTE_MAX_WORDS = 12
# The note under a market widget: "الأسعار متأخرة 15 دقيقة", "البيانات لأغراض إعلامية فقط ولا تعد توصية"
MARKET_DISCLAIMER = re.compile(
    rf"^\s*(?:{_A}ل)?(?:{_A}سع{_A}ر|بي{_A}ن{_A}ت|معلوم{_A}ت)\s+(?:متأخر{_H}|مؤخر{_H}|مؤجل{_H}"
    rf"|(?:\S+\s+){{0,2}}لأغر{_A}ض\s+(?:{_A}علامي{_H}|معلوم{_A}تي{_H}|{_A}سترش{_A}دي{_H})\s+فقط)"
)
MARKET_DISCLAIMER_MAX_WORDS = 30
# The site's note under a market or business story that it gives no investment advice: its label alone or opening
# the note ("إخلاء المسؤولية: ...", "إخلاء مسؤولية - ..."; "إخلاء مسؤولية المالك" is a legal story's phrase); a note
# that opens on the site's content ("الأسعار المذكورة ..."، "المعلومات الواردة ..."، "تنويه: ...") and denies that it is
# advice to buy, sell or invest; or the site bearing no responsibility for its readers' investment decisions. An
# article reports a firm or a regulator saying such things of other matters, in sentences that open otherwise.
_NO = r"(?<![\u0621-\u064a])(?:لا|ولا|ليس|ليست|وليس|وليست)(?![\u0621-\u064a])"
_ADVICE = (
    rf"(?:توصي{_H}|نصيح{_H})\s+(?:م{_A}لي{_H}\s+(?:{_A}و\s+)?)?"
    rf"(?:{_A}ستثم{_A}ري{_H}|ب{_A}لشر{_A}ء|ب{_A}لبيع|ب{_A}لاستثم{_A}ر|م{_A}لي{_H})"
)
# (the site's content named as such, its denial within a few words: "المحتوى لأغراض إخبارية فقط ولا يمثل ..."،
# "تنويه: لا تمثل ..."، "المقال لا يعد ..."، prices, information or data "mentioned", "published", "given", "above" or
# "in this article" ("الأسعار المذكورة استرشادية ولا تعد ..."), or bare right over the denial ("الأسعار لا تعد ...");
# "الأسعار لا تزال ..." goes on otherwise, and a regulator's warning speaks of "المعلومات المتداولة في هذه المجموعات")
_QUALIFIED = (
    rf"(?:\s+(?:{_A}ل)?(?:مذكور|منشور|و{_A}رد|مدرج|مقدم){_H}|\s+{_A}علاه"
    rf"|\s+في\s+هذ(?:{_A}|ه)\s+(?:{_A}ل)?(?:مق{_A}ل|موقع|تقرير|صفح|م{_A}د)\S*)+"
)
_DATA = rf"(?:{_A}ل)?(?:{_A}سع{_A}ر|معلوم{_A}ت|بي{_A}ن{_A}ت)"
_SITES_NOTE = (
    rf"^\W*(?:(?:(?:{_A}ل)?محتوى|تنويه\s*[:：]|(?:{_A}ل)?مق{_A}ل{_H}?|{_DATA}{_QUALIFIED})(?:\s+\S+){{0,4}}?|{_DATA})"
    rf"\s+{_NO}\s+(?:\S+\s+){{0,3}}{_ADVICE}"
)
INVESTMENT_DISCLAIMER = re.compile(
    rf"^\W*{_A}خل{_A}ء\s+(?:{_A}ل)?مسؤولي{_H}\s*(?:[:：.\-–—]|$)"
    rf"|{_SITES_NOTE}"
    # (the site denies it itself, opening on its denial or on its name: "لا يتحمل الموقع ..."، "الموقع يعفي نفسه من
    # ..."، "الجريدة تخلي مسؤوليتها ..."; a market story quotes an exchange's spokesman in a sentence that opens on
    # "وقال", a platform's terms without a denial)
    rf"|^\W*(?:(?:{_A}ل)?(?:موقع|صحيف{_H}|جريد{_H}|منص{_H})\s.{{0,40}}?)?(?:{_NO}\s+[تي]تحمل|[تي]عفي\s+نفس|[تي]خلي\s+مسؤولي)"
    rf".{{0,60}}?مسؤولي{_H}\s+عن\s+(?:{_A}ل)?قر{_A}ر{_A}ت\s+{_A}لاستثم{_A}ري{_H}"
)
INVESTMENT_DISCLAIMER_MAX_WORDS = 60


def widget(line: str) -> Marker | None:
    """A line of a box set inside the article: a gallery, a video, an embedded post, a poll, a market quote."""
    if GALLERY_COUNTER.match(line) or GALLERY.match(line):
        return Marker("caption", "gallery")
    if PHOTO_PLACEHOLDER.match(line):
        return Marker("caption", "photo-placeholder")
    if READ_MORE_BUTTON.match(line):
        return Marker("navigation", "read-more-button")
    if EMBED_SIGNATURE.search(line):
        return Marker("embed", "embedded-post")
    if POST_SOURCE.match(line):
        return Marker("embed", "post-card-top")  # "مجلس الدوما | تلغرام": the account and its network
    if HANDLE_LINE.match(line) and not CONTINUATION.match(line):  # "ويمكن متابعته على @X": the article's
        return Marker("embed", "post-card-top")  # the text under it is the post's, not the lines above
    if (VIDEO.match(line) and words(line) <= 20) or (
        # (a time after a date is the date's: "آخر تحديث: 16.03.2016 13:20")
        DURATION.search(line)
        and not is_date_line(line)
        and not datetext.find_dates(line)
        and words(line) <= 20
    ):
        return Marker("embed", "video")
    if POLL.match(line):
        return Marker("embed", "poll")
    if MARKET_QUOTE.search(line) and words(line) <= MARKET_QUOTE_MAX_WORDS:
        return Marker("embed", "market-quote")
    if MARKET_DISCLAIMER.search(line) and words(line) <= MARKET_DISCLAIMER_MAX_WORDS:
        return Marker("navigation", "market-disclaimer")
    if AUDIO.match(line) and words(line) <= 8 and not SENTENCE_END.search(line):
        return Marker("embed", "audio")
    if PODCAST.match(line) and words(line) <= 20 and not PARAGRAPH_END_NOT_QUESTION.search(line):
        return Marker("embed", "audio")
    if TRANSCRIPT.match(line) or TRANSCRIPT_END.match(line):
        return Marker("embed", "video-transcript")
    if FACT_BOX.match(line):
        return Marker("related", "fact-box")
    if ARROWS.match(line) or ARROW_LINK.match(line):
        return Marker("navigation", "arrows")
    if SKIP_BOX.match(line):
        return Marker("advertisement", "skip-box")
    if ADDRESS_ALONE.match(line):
        return Marker("navigation", "address-alone")
    if PLAYER_BUTTON.match(line):
        return Marker("embed", "player-button")
    if GO_TO.match(line):
        return Marker("navigation", "go-to-link")
    return None


# pictographs a page sets before a line's words ("👉 اقرأ أيضا: ...", "📌 ..."): arrows, shapes, emoji and their joiners
_LEADING_PICTOGRAPHS = re.compile(
    "^[\\s\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f000-\U0001faff]+"
)


def ends_article(line: str) -> Marker | None:
    """Markers after which the article does not go on (unless its prose resumes after a box of links); a pictograph
    before the marker's words says nothing more."""
    line = _LEADING_PICTOGRAPHS.sub("", line)
    if COMMENTS.match(line):
        return Marker("comments", "comments-marker")
    if READ_ALSO.match(line) or SIMILAR.match(line):
        return Marker("related", "read-also-marker")
    if MORE_STORIES.match(line):
        return Marker("related", "more-stories-marker")
    if NEXT_STORY.match(line):
        return Marker("related", "next-story-marker")
    if READ_ON.match(line):
        return Marker("related", "read-on-link")
    if TAGS.match(line):
        return Marker("tags", "tags-marker")
    if SOURCE_LINE.match(line):
        return Marker("source_line", "source-marker")
    if END_OF_COPY.match(line):
        return Marker("source_line", "end-of-copy")
    if END_WORD.match(line):
        return Marker("source_line", "end-word")
    if PRINT_NOTE.match(line):
        return Marker("source_line", "print-edition-note")
    if INVESTMENT_DISCLAIMER.match(line) and words(line) <= INVESTMENT_DISCLAIMER_MAX_WORDS:
        return Marker("source_line", "investment-disclaimer")
    if VIEWS_DISCLAIMER.match(line) and words(line) <= 40:
        return Marker("byline", "views-disclaimer")
    if CORRECTION.match(line):
        return Marker("source_line", "correction-note")
    if CITE_AS.match(line):
        return Marker("source_line", "cite-as")
    if PROFILE_BOX.match(line):
        return Marker("byline", "profile-box")
    if _series_note(line):
        return Marker("related", "series-note")
    if SUPPORT_PITCH.match(line) and words(line) <= 40:
        return Marker("advertisement", "support-pitch")
    if (SHARE_BAR.match(line) and words(line) <= 3) or is_social_bar(line) or TOOLS_ROW.match(line):
        return Marker("share_bar", "share-marker")
    if is_copyright(line):
        return Marker("advertisement", "copyright-marker")
    return None
