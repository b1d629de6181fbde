package io.wagate.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * How much of each measured service's memory sits on transparent huge pages, for the results: the deployed JVM
 * options ask for them (docs/runbooks/jvm.md), but a kernel whose setting is {@code never} silently gives ordinary
 * pages, and a run on such a machine measures something else. Linux only; elsewhere the sentence says so.
 */
final class HugePages {

    private static final Path SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    private HugePages() {
    }

    /** One sentence: the kernel's setting and each service's anonymous memory on huge pages in MiB, by name. */
    static String summary(Map<String, ProcessHandle> services) {
        Optional<String> setting = read(SETTING).map(String::strip);
        if (setting.isEmpty()) {
            return "Transparent huge pages: not reported by this system.";
        }
        StringJoiner each = new StringJoiner(", ");
        new TreeMap<>(services).forEach((name, process) -> each.add(name + " "
                + anonHugeMiB(process).map(mib -> mib + " MiB").orElse("unknown")));
        return "Transparent huge pages: the kernel's setting `%s`; on them at the end of the run: %s."
                .formatted(setting.get(), each);
    }

    private static Optional<Long> anonHugeMiB(ProcessHandle process) {
        return read(Path.of("/proc", String.valueOf(process.pid()), "smaps_rollup"))
                .flatMap(rollup -> rollup.lines().filter(line -> line.startsWith("AnonHugePages:")).findFirst())
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024);
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
