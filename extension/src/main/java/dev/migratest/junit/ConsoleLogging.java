package dev.migratest.junit;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * What reaches a user's console by default: migratest's own lines and warnings, nothing else. Set up once per JVM,
 * before the first server starts (the first test class or container check).
 * <ul>
 *   <li>migratest logs through {@link System.Logger}. Where that ends in java.util.logging (the JDK's default), its
 *       records are printed as one {@code [migratest] …} line each instead of JUL's two-line, time-stamped format on
 *       standard error; {@code DEBUG} lines only when verbose — as long as java.util.logging is as the JDK sets it
 *       up. Where a user configured it (a logging.properties, a bridge to SLF4J) or routed {@code System.Logger}
 *       elsewhere, their configuration decides and nothing is changed.</li>
 *   <li>zonky and Testcontainers log through SLF4J. A test class path without any SLF4J provider gets SLF4J's three
 *       lines of "no providers" warning, about logging that would be discarded anyway: they are silenced by setting
 *       SLF4J's own {@code slf4j.internal.verbosity} to ERROR, unless verbose or set already. A project with a
 *       provider (logback, log4j, slf4j-simple) keeps its configuration.</li>
 * </ul>
 * {@value #VERBOSE_PROPERTY}{@code =true} shows everything.
 */
final class ConsoleLogging {
    /** System property: {@code true} shows migratest's debug lines and leaves SLF4J's own warnings on. */
    static final String VERBOSE_PROPERTY = dev.migratest.postgres.EmbeddedProvider.VERBOSE_PROPERTY;
    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";
    private static final String SLF4J_PROVIDERS = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";
    /** The JDK's own System.LoggerFinder, the one that hands records to java.util.logging. */
    private static final String JUL_FINDER = "sun.util.logging.internal.LoggingProviderImpl";
    /** Held for the life of the JVM: java.util.logging keeps loggers weakly, with the configuration set on them. */
    private static volatile Logger migratestLogger;

    private ConsoleLogging() {
    }

    static boolean verbose() {
        return Boolean.parseBoolean(System.getProperty(VERBOSE_PROPERTY, "false").strip());
    }

    /** Idempotent; cheap after the first call. */
    static void setUp() {
        if (migratestLogger != null) return;
        synchronized (ConsoleLogging.class) {
            if (migratestLogger != null) return;
            boolean verbose = verbose();
            if (!verbose) quietSlf4jWithoutProvider();
            migratestLogger = Logger.getLogger("dev.migratest");
            if (julIsTheBackend() && julAsTheJdkSetsItUp()) {
                migratestLogger.setUseParentHandlers(false);
                migratestLogger.setLevel(verbose ? Level.ALL : Level.INFO);
                migratestLogger.addHandler(new LineHandler());
            }
        }
    }

    private static void quietSlf4jWithoutProvider() {
        if (System.getProperty(SLF4J_VERBOSITY) != null) return;
        ClassLoader loader = ConsoleLogging.class.getClassLoader();
        if (loader.getResource(SLF4J_PROVIDERS) == null) System.setProperty(SLF4J_VERBOSITY, "ERROR");
    }

    private static boolean julIsTheBackend() {
        return System.LoggerFinder.getLoggerFinder().getClass().getName().equals(JUL_FINDER);
    }

    /**
     * java.util.logging as the JDK sets it up, which nobody chose: no configuration file or class, the root logger's
     * one console handler, nothing said about migratest's loggers. A configured set-up — a logging.properties, a
     * bridge to SLF4J such as Spring Boot installs on the root logger — is the user's, and decides.
     */
    private static boolean julAsTheJdkSetsItUp() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return false;
        }
        LogManager manager = LogManager.getLogManager();
        if (manager.getProperty("dev.migratest.level") != null || manager.getProperty("dev.migratest.handlers") != null) {
            return false;
        }
        Handler[] rootHandlers = Logger.getLogger("").getHandlers();
        return rootHandlers.length == 1 && rootHandlers[0].getClass() == ConsoleHandler.class;
    }

    /** A record as one console line, with its level named only when it is a warning or worse. */
    static String line(LogRecord record) {
        String message = record.getMessage();
        if (record.getParameters() != null && record.getParameters().length > 0) {
            message = java.text.MessageFormat.format(message, record.getParameters());
        }
        if (record.getThrown() != null) message += " (" + record.getThrown() + ")";
        int level = record.getLevel().intValue();
        if (level >= Level.SEVERE.intValue()) return "ERROR: " + message;
        if (level >= Level.WARNING.intValue()) return "WARNING: " + message;
        return message;
    }

    private static final class LineHandler extends Handler {
        LineHandler() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) Console.print(line(record));
        }

        @Override
        public void flush() {
            System.out.flush();
        }

        @Override
        public void close() {
            // standard output is not ours to close
        }
    }
}
