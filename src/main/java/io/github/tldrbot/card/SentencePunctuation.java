package io.github.tldrbot.card;

/**
 * The punctuation around sentence ends, by what it does there: terminators (and the hard ones of
 * scripts that put no space after them), closers that stay with the sentence they end, openers that
 * go with the sentence they begin. Shared by the splitter and by the code that settles how a sentence
 * ends, so both read a sentence end alike.
 */
final class SentencePunctuation {

    private SentencePunctuation() {
    }

    static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || isHardTerminator(c);
    }

    /** Terminators of scripts that put no space after them: a sentence ends there whatever follows. */
    static boolean isHardTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '｡' || c == '۔' || c == '।' || c == '॥' || c == '؟';
    }

    static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == ')' || c == ']' || c == '」'
                || c == '』' || c == '）' || c == '›' || c == '】' || c == '〉' || c == '》';
    }

    static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '“' || c == '‘' || c == '«' || c == '(' || c == '[' || c == '「'
                || c == '『' || c == '（' || c == '‹' || c == '„' || c == '¿' || c == '¡';
    }

    /** Openers that never close anything (unlike the straight quotes). */
    static boolean isStrictOpener(char c) {
        return c == '“' || c == '‘' || c == '«' || c == '(' || c == '[' || c == '「' || c == '『' || c == '（'
                || c == '‹' || c == '„' || c == '【' || c == '〈' || c == '《';
    }
}
