"""bench/build_gum_gold.py: GUM's CoNLL-U entity brackets as gold spans over the rebuilt text."""

from bench.build_gum_gold import convert

# two paragraphs; a multi-word token ("cannot" = "can" + "not"), SpaceAfter=No before a
# full stop, a linked mention nested in another, and a mention opened and closed on one word
CONLLU = "\n".join([
    "# newpar",
    "# text = Kim Lee cannot stay.",
    "1\tKim\tKim\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(1-person-new-snnsn-cf1-2-coref-Kim_Lee",
    "2\tLee\tLee\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)",
    "3-4\tcannot\t_\t_\t_\t_\t_\t_\t_\t_",
    "3\tcan\tcan\tAUX\tMD\t_\t5\taux\t_\t_",
    "4\tnot\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_",
    "5\tstay\tstay\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No",
    "6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_",
    "",
    "# newpar",
    "# text = The University of Georgia met.",
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(2-organization-new-sssss-cf2-2,4-coref",
    "2\tUniversity\tuniversity\tNOUN\tNN\t_\t5\tnsubj\t_\t_",
    "3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_",
    "4\tGeorgia\tGeorgia\tPROPN\tNNP\t_\t2\tnmod\t_"
    "\tEntity=(3-place-new-sssss-cf3-1-coref-Georgia_%28U.S._state%29)2)",
    "5\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No",
    "6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_",
    "",
])


def test_text_and_mentions_are_rebuilt_with_their_links():
    doc = convert("GUM_news_x", CONLLU)
    assert doc["text"] == "Kim Lee cannot stay.\n\nThe University of Georgia met."
    assert doc["entities"] == [
        {"start": 0, "end": 7, "text": "Kim Lee", "type": "person", "wikipedia": "Kim_Lee"},
        {"start": 22, "end": 47, "text": "The University of Georgia", "type": "organization"},
        {"start": 40, "end": 47, "text": "Georgia", "type": "place",
         "wikipedia": "Georgia_(U.S._state)"},
    ]
