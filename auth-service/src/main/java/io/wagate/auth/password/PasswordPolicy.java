package io.wagate.auth.password;

import io.wagate.auth.shared.AuthProblems;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Length 12 to 128 (checked by the request records) and not a commonly used password. The deny list is small and
 * built in: passwords that still pass the length rule and top every breach list.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111", "000000000000",
            "password1234", "password12345", "password123!", "passwordpassword", "qwertyuiop12", "qwertyuiopasdf",
            "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc", "iloveyou1234", "administrator", "adminadmin123",
            "letmein12345", "welcome12345", "welcome123456", "changeme1234", "abcdefghijkl", "abc123abc123",
            "monkey123456", "dragon123456", "football1234", "baseball1234", "sunshine1234", "princess1234",
            "superman1234", "trustno1trustno1", "whatsapp1234", "wagate123456", "correcthorsebatterystaple",
            "aaaaaaaaaaaa", "asdfghjkl123", "zxcvbnm12345", "p@ssw0rd1234", "passw0rd1234");

    /** Throws the weak-password problem when the password is common or merely repeats the email. */
    public void check(String password, String email) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw AuthProblems.weakPassword("This password is too common; choose a longer, less predictable one");
        }
        if (lower.equals(email.toLowerCase(Locale.ROOT))) {
            throw AuthProblems.weakPassword("The password must not be the email address");
        }
        if (lower.chars().distinct().count() < 4) {
            throw AuthProblems.weakPassword("The password repeats too few different characters");
        }
    }
}
