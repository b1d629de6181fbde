package io.wagate.auth.shared;

/** Input rules shared by the request records (used in their validation annotations). */
public final class TextRules {

    /** No control, format or line/paragraph separator characters: names end up in logs, emails and UIs. */
    public static final String SINGLE_LINE = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*";
    /** A pragmatic address shape: one @, a dot in the domain, no spaces or control characters. */
    public static final String EMAIL = "[^@\\s\\p{Cc}\\p{Cf}]+@[^@\\s\\p{Cc}\\p{Cf}.]+(\\.[^@\\s\\p{Cc}\\p{Cf}.]+)+";
    public static final String SINGLE_LINE_MESSAGE = "must not contain control or line-break characters";
    public static final int MAX_NAME = 100;
    public static final int MAX_EMAIL = 254;

    private TextRules() {
    }
}
