"""CC-CEDICT evidence that an English sentence renders a Chinese one (bilingual/check/lexicon.py)."""

from bilingual.check.lexicon import covered, english_stems, source_glosses

# parallel2/tune19 line 62 and the line after it
ZH = "这项措施尚未在参议院投票。"
EN = "The measure has not yet been brought to a vote in the Senate."
NEXT_EN = ("In order to speed up the process of transforming of scientific research from paper to money, Shanghai "
           "promulgated local regulations this year to promote the transformation and service of scientific and "
           "technological achievements.")


def test_english_words_are_compared_by_their_stems_without_function_words():
    assert english_stems("The governments voted; a government votes.") == {"gover", "voted", "votes"}
    assert english_stems("and the of to in it") == frozenset()


def test_function_words_carry_no_gloss_and_content_words_do():
    glosses = source_glosses(ZH)
    assert len(glosses) == 3  # 措施, 参议院, 投票: not 这, 项, 尚未, 在 (function words or no gloss)
    assert any("senat" in g for g in glosses)


def test_a_sentence_shares_glosses_with_its_own_english_not_with_the_next():
    glosses = source_glosses(ZH)
    assert covered(glosses, english_stems(EN)) == 3
    assert covered(glosses, english_stems(NEXT_EN)) == 0


def test_a_word_the_dictionary_lacks_is_glossed_by_its_characters():
    # 科研成果 is no CC-CEDICT headword; its characters' glosses still meet "scientific research"
    assert covered(source_glosses("科研成果"), english_stems("scientific research results")) >= 1


def test_a_cross_reference_is_dropped_but_a_meaning_with_see_in_it_is_kept():
    from bilingual.check.lexicon import _gloss

    assert "see" in _gloss("看见")  # "to see": the meaning itself (was cut as if a cross reference)
    assert "see" in _gloss("一眼看穿")  # "to see through something at first glance"
    assert "ding" not in _gloss("丁宠家庭")  # "(see also 丁克[ding1 ke4])" names another headword


def test_a_cross_reference_leaves_none_of_its_pinyin():
    from bilingual.check.lexicon import _gloss

    # "see 一樣|一样[yi1 yang4]": the headword ends at its bracket; 'yang' (a surname in the English) is no gloss
    assert not _gloss("一个样")
    assert _gloss("一往直前") == frozenset()  # "see 一往無前|一往无前[yi1 wang3 wu2 qian2]"
