package org.gloinone.slide.tiff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import org.gloinone.FuzzTarget;
import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideLevel;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz targets of the built-in TIFF reader: the directory parser and pyramid layout (through a whole file), each
 * tile decoder, and the Aperio description. A corrupt file may only be refused with an IOException naming it (a
 * decoder alone may also throw IllegalArgumentException, which the slide turns into that IOException).
 */
class TiffFuzzTest {
    @TempDir
    static Path dir;

    @FuzzTarget
    void tiffFile(byte[] bytes) throws IOException {
        Path file = dir.resolve("fuzz.tif");
        Files.write(file, bytes);
        Slide slide;
        try {
            slide = new TiffSlideBackend(1 << 16).open(file);
        } catch (IOException refused) {
            return;
        }
        try (slide) {
            for (int level = 0; level < slide.levelCount(); level++) {
                SlideLevel l = slide.levels().get(level);
                try {
                    slide.readRegion(level, l.width() / 2, l.height() / 2, 64, 64);
                } catch (IOException refused) {
                    // a corrupt tile, named
                }
            }
            for (String name : slide.associatedImageNames()) {
                try {
                    slide.readAssociatedImage(name);
                } catch (IOException refused) {
                    // an undecodable associated image, named
                }
            }
        }
    }

    @FuzzTarget
    void jpegTile(FuzzedDataProvider data) throws IOException {
        int width = data.consumeInt(1, 64);
        int rows = data.consumeInt(1, 64);
        int photometric = data.pickValue(new int[] {TiffImage.PHOTOMETRIC_MIN_IS_WHITE, 1, 2,
            TiffImage.PHOTOMETRIC_YCBCR});
        byte[] tables = data.consumeBoolean() ? data.consumeBytes(data.consumeInt(0, 2048)) : null;
        try (JpegDecoder decoder = new JpegDecoder()) {
            decoder.decode(tables, data.consumeRemainingAsBytes(), photometric, width, rows, rows);
        } catch (IOException | IllegalArgumentException refused) {
            // corrupt JPEG data, refused
        }
    }

    @FuzzTarget
    void lzwChunk(FuzzedDataProvider data) {
        decodeChunk(data, LzwCodec::decode);
    }

    @FuzzTarget
    void deflateChunk(FuzzedDataProvider data) {
        decodeChunk(data, ChunkDecoder::inflate);
    }

    @FuzzTarget
    void packBitsChunk(FuzzedDataProvider data) {
        decodeChunk(data, PackBits::decode);
    }

    /** A lossless decoder: fills {@code out} from {@code in}, returning the bytes written. */
    private interface Codec {
        int decode(byte[] in, byte[] out);
    }

    /** Decodes the rest of the input into a buffer of a fuzzed size; invalid data may only be refused. */
    private static void decodeChunk(FuzzedDataProvider data, Codec codec) {
        byte[] out = new byte[data.consumeInt(0, 1 << 16)];
        try {
            codec.decode(data.consumeRemainingAsBytes(), out);
        } catch (IllegalArgumentException refused) {
            // invalid data, refused
        }
    }

    @FuzzTarget
    void aperioDescription(FuzzedDataProvider data) {
        String description = data.consumeRemainingAsString();
        if (AperioDescription.isAperio(description)) {
            AperioDescription d = AperioDescription.parse(description);
            d.positive("MPP");
            d.positive("AppMag");
        }
        AperioDescription.associatedName(description);
    }
}
