package io.wagate.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The platform started by {@code ./wagate up} in a throw-away run folder on free ports, exactly as a user starts
 * it (a separate process per service), without building (the reactor built the jars already).
 */
final class LocalPlatform implements AutoCloseable {

    static final List<String> PORT_VARIABLES = List.of("WAGATE_GATEWAY_PORT", "WAGATE_GATEWAY_MANAGEMENT_PORT",
            "WAGATE_AUTH_PORT", "WAGATE_INSTANCE_PORT",
            "WAGATE_SESSION_WORKER_PORT", "WAGATE_WEBHOOK_PORT", "WAGATE_BILLING_PORT", "WAGATE_SANDBOX_PORT",
            "WAGATE_POSTGRES_PORT", "WAGATE_REDIS_PORT", "WAGATE_KAFKA_PORT", "WAGATE_KAFKA_CONTROLLER_PORT");

    final Path root;
    final Path runDirectory;
    final Path output;
    final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Process> restarted = new ArrayList<>();
    private Process process;

    private LocalPlatform(Path root, Path runDirectory) {
        this.root = root;
        this.runDirectory = runDirectory;
        this.output = runDirectory.resolve("wagate-up.out");
    }

    static LocalPlatform start(Duration timeout) throws Exception {
        return start(timeout, Map.of());
    }

    /** With extra environment variables for every process (for example JVM options or settings of one service). */
    static LocalPlatform start(Duration timeout, Map<String, String> environment) throws Exception {
        Path root = Path.of(System.getProperty("wagate.root", "..")).toAbsolutePath().normalize();
        Path run = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "wagate-run-");
        LocalPlatform platform = new LocalPlatform(root, run);
        platform.ports.putAll(freePorts(PORT_VARIABLES));
        // perl resets SIGINT to its default first: a process started from a background job inherits "ignore
        // SIGINT", and then no shell could trap Ctrl-C. This makes the interrupt below a real Ctrl-C.
        ProcessBuilder builder = new ProcessBuilder("perl", "-e", "$SIG{INT}='DEFAULT'; exec @ARGV or die $!",
                root.resolve("wagate").toString(), "up")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(platform.output.toFile());
        builder.environment().put("WAGATE_RUN_DIR", run.toString());
        builder.environment().put("WAGATE_SKIP_BUILD", "1");
        builder.environment().putAll(environment);
        platform.ports.forEach((name, port) -> builder.environment().put(name, String.valueOf(port)));
        platform.process = builder.start();
        platform.awaitOutput("WAGATE READY", timeout);
        return platform;
    }

    int port(String variable) {
        return ports.get(variable);
    }

    long pid() {
        return process.pid();
    }

    /** The running process of one service or of the sandbox, found by its jar. */
    ProcessHandle process(String name) {
        String jar = "/" + name + "-";
        return Stream.concat(process.toHandle().descendants(),
                        restarted.stream().map(Process::toHandle))
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(jar)).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no running process of " + name));
    }

    /**
     * Stops one process of the run with SIGTERM (as a deploy or {@code kill} does), waits for it to exit, and starts
     * it again with the same command line and environment. The new process is this run's to stop.
     */
    void restart(String name, Duration timeout) throws Exception {
        ProcessHandle old = process(name);
        List<String> command = readNulSeparated(Path.of("/proc", String.valueOf(old.pid()), "cmdline"));
        Map<String, String> environment = new LinkedHashMap<>();
        for (String entry : readNulSeparated(Path.of("/proc", String.valueOf(old.pid()), "environ"))) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        old.destroy();
        old.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<String> again = new ArrayList<>(command);
        // Marks the process as this run's, so that close() finds it like the others.
        again.add(1, "-Dwagate.run-dir=" + runDirectory);
        ProcessBuilder builder = new ProcessBuilder(again).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(runDirectory.resolve("logs").resolve(name + "-restarted.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        restarted.add(builder.start());
    }

    private static List<String> readNulSeparated(Path file) throws IOException {
        String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return Stream.of(content.split("\0")).filter(part -> !part.isEmpty()).toList();
    }

    /** Every process of the run: the launcher and all its descendants (JVMs, PostgreSQL, Redis). */
    List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.toHandle().descendants().forEach(tree::add);
        return tree;
    }

    /** Processes anywhere on the machine whose command line mentions this run's folder. */
    List<ProcessHandle> processesMentioningRun() {
        String marker = runDirectory.toString();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(handle -> handle.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                    .filter(handle -> handle.pid() != ProcessHandle.current().pid())
                    .toList();
        }
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does, and waits for the launcher to exit. */
    boolean interrupt(Duration timeout) throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start().waitFor();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String output() throws IOException {
        return read(output);
    }

    Optional<String> logOf(String name) throws IOException {
        Path log = runDirectory.resolve("logs").resolve(name + ".log");
        return Files.exists(log) ? Optional.of(Files.readString(log)) : Optional.empty();
    }

    private void awaitOutput(String text, Duration timeout) throws Exception {
        awaitOutput(process, output, "./wagate up", text, timeout);
    }

    /**
     * Waits until a process whose output goes to {@code log} has printed {@code text}, failing with that output when
     * the process exits first or the time runs out.
     */
    static void awaitOutput(Process process, Path log, String name, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (read(log).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + read(log));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + read(log));
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws Exception {
        for (Process again : restarted) {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
        }
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        for (ProcessHandle handle : processesMentioningRun()) {
            handle.destroyForcibly();
        }
    }

    /**
     * A free port for each variable, all different: the sockets stay open until every port is chosen, or the system
     * may hand out a port just released again (it once gave auth-service PostgreSQL's port).
     */
    private static Map<String, Integer> freePorts(List<String> variables) throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (String variable : variables) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports.put(variable, socket.getLocalPort());
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        return ports;
    }
}
