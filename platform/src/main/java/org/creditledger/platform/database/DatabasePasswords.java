package org.creditledger.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded database's two passwords: the superuser's ({@value #SUPERUSER}, for setting up and starting the
 * server) and the application role's ({@value #APP_ROLE}). They live in {@value #FILE_NAME} in the data directory,
 * readable by its owner only and in libpq's pgpass format, so {@code PGPASSFILE=<file> psql …} works as is.
 */
record DatabasePasswords(String superuser, String app) {

    static final String SUPERUSER = "postgres";
    static final String APP_ROLE = "ledger";
    static final String FILE_NAME = "ledger-db.pgpass";

    /** rw------- : libpq also ignores a pgpass file that others can read. */
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final SecureRandom RANDOM = new SecureRandom();

    static DatabasePasswords generate() {
        return new DatabasePasswords(randomPassword(), randomPassword());
    }

    /** 32 random bytes, URL-safe Base64: 43 characters that need no quoting in a URL, a shell or a pgpass line. */
    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** The passwords stored in {@code dataDir}, if any; a file others could read is narrowed to its owner first. */
    static Optional<DatabasePasswords> read(Path dataDir) {
        Path file = file(dataDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (isPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            Map<String, String> byUser = new HashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split(":", 5);
                if (!line.startsWith("#") && fields.length == 5) {
                    byUser.putIfAbsent(fields[3], fields[4]);
                }
            }
            if (!byUser.containsKey(SUPERUSER) || !byUser.containsKey(APP_ROLE)) {
                throw new IllegalStateException(file + " lacks the password of " + SUPERUSER + " or " + APP_ROLE);
            }
            return Optional.of(new DatabasePasswords(byUser.get(SUPERUSER), byUser.get(APP_ROLE)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** Writes the file unless it exists; it is created owner-only, so it is never readable by others, not even briefly. */
    void storeIfAbsent(Path dataDir) {
        Path file = file(dataDir);
        if (Files.exists(file)) {
            return;
        }
        StringBuilder text = new StringBuilder("""
                # Passwords of the ledger's embedded PostgreSQL (libpq pgpass format; keep this file mode 0600).
                # psql: PGPASSFILE=<this file> psql -h localhost -p <port from the ledger's log> -U ledger postgres
                """);
        for (String host : new String[]{"localhost", "127.0.0.1"}) {
            text.append(host).append(":*:*:").append(APP_ROLE).append(':').append(app).append('\n');
            text.append(host).append(":*:*:").append(SUPERUSER).append(':').append(superuser).append('\n');
        }
        Path partial = dataDir.resolve(FILE_NAME + ".partial");
        writeOwnerOnly(partial, text.toString());
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the database passwords in " + file, e);
        }
    }

    /** initdb's {@code --pwfile}: the superuser password alone, in a private temporary file outside the (empty) data directory. */
    Path superuserPasswordFile() {
        try {
            Path file = isPosix(Path.of(System.getProperty("java.io.tmpdir")))
                    ? Files.createTempFile("ledger-initdb-", ".pw", ownerOnly())
                    : Files.createTempFile("ledger-initdb-", ".pw");
            Files.writeString(file, superuser + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write initdb's password file", e);
        }
    }

    /**
     * Creates {@code file} (replacing a leftover) with owner-only permissions from its first instant: the mode is
     * given to open(2), and a umask can only take bits away.
     */
    static void writeOwnerOnly(Path file, String text) {
        try {
            Files.deleteIfExists(file);
            Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try (FileChannel channel = isPosix(file.getParent())
                    ? FileChannel.open(file, options, ownerOnly())
                    : FileChannel.open(file, options)) {
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            if (isPosix(file)) {
                // A umask such as 0277 would leave the owner unable to rewrite it; it cannot have added bits for others.
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "DatabasePasswords[hidden]";
    }
}
