package io.github.tldrbot.story;

import java.util.Set;

/**
 * General function words of English and the most common Western European languages, in the folded
 * form {@link io.github.tldrbot.text.WordTokenizer} gives them, plus the reporting verbs every news
 * article uses ("said", "told"). They carry no story; document frequencies would discount them anyway,
 * but not while the window holds few articles.
 */
final class StopWords {

    private static final Set<String> WORDS = Set.copyOf(java.util.Arrays.asList((""
            // English
            + "a about above after again against all almost also although always am among an and another any are "
            + "around as at be because been before being below between both but by can cannot could did do doe "
            + "does doing done down during each either even ever every few for from further get got had ha has "
            + "have having he her here hers herself him himself his how however i if in into is it its itself "
            + "just last least less like made make many may me might more most much must my myself near need "
            + "never no nor not now of off often on once one only or other others our ours ourselves out over "
            + "own per perhaps put rather same she should since so some still such than that the their theirs "
            + "them themselves then there these they thi this those though through thu thus to too two under "
            + "until up upon us very via wa was we well were what whatever when where whether which while who "
            + "whom whose why will with within without would yet you your yours yourself yourselves "
            + "said say says told tell according new newly week day today yesterday tomorrow monday tuesday "
            + "wednesday thursday friday saturday sunday year time report reported reporting "
            + "mr mrs ms dr st "
            // German
            + "der die das den dem des ein eine einer eines einem einen und oder aber nicht ist sind war wird "
            + "werden wurde auf aus bei mit nach von vor zu zum zur im ins am an als auch auf für über unter "
            + "sich sie er es wir ihr ich noch nur schon wie wenn dass daß "
            // French
            + "le la les un une des du de et ou mais est sont été pour par sur dans avec au aux ce cette ces "
            + "qui que quoi il elle ils elles nous vous se sa son ses leur leurs pas plus ne "
            // Spanish, Italian, Portuguese
            + "el lo los las y o pero es son fue para por con en al del se su sus que como más "
            + "il gli della delle dei di da nel nella che non per con una uno sono "
            + "os as um uma do da dos das em no na nos nas ao aos pelo pela"
            ).split(" +")));

    private StopWords() {
    }

    static boolean contains(String folded) {
        return WORDS.contains(folded);
    }
}
