package io.admitto.jobs.quality;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Deflate with a preset dictionary for one registration snapshot's JSON. A snapshot is ~3 KB of JSON
 * that is mostly the same keys and formats every time; deflate alone finds little to reuse in 3 KB,
 * but primed with a skeleton snapshot it shrinks one to ~0.7 KB, which is what a checkpoint (or
 * RocksDB) stores per open registration.
 *
 * <p>The dictionary is part of the state format: never edit {@code registration-snapshot.dictionary};
 * add a new one under a new {@link #FORMAT} byte instead.
 */
final class SnapshotCompression {
    /** First byte of a compressed snapshot. Plain JSON state (written before) starts with '{'. */
    static final byte FORMAT = 1;

    private static final byte[] DICTIONARY = dictionary();

    private SnapshotCompression() {}

    static byte[] compress(byte[] json) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setDictionary(DICTIONARY);
            deflater.setInput(json);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 3 + 16);
            out.write(FORMAT);
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        }
        finally {
            deflater.end();
        }
    }

    static boolean isCompressed(byte[] stored) {
        return stored.length > 0 && stored[0] == FORMAT;
    }

    static byte[] decompress(byte[] stored) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored, 1, stored.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 5);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int read = inflater.inflate(buffer);
                if (read == 0 && inflater.needsDictionary()) {
                    inflater.setDictionary(DICTIONARY);
                    continue;
                }
                if (read == 0 && inflater.needsInput()) {
                    throw new IOException("Truncated registration snapshot state");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }
        catch (DataFormatException e) {
            throw new IOException("Corrupt registration snapshot state", e);
        }
        finally {
            inflater.end();
        }
    }

    private static byte[] dictionary() {
        try (InputStream in = SnapshotCompression.class.getResourceAsStream("registration-snapshot.dictionary")) {
            if (in == null) {
                throw new IllegalStateException("registration-snapshot.dictionary is missing from the classpath");
            }
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
