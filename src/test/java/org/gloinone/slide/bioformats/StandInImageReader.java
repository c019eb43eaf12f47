package org.gloinone.slide.bioformats;

import java.io.IOException;

/**
 * A test-scope stand-in with the method signatures of Bio-Formats' {@code loci.formats.ImageReader} that
 * the adapter calls. It serves a synthetic two-series image: series 0 a 10x10 label, series 1 a
 * 1000x600 pyramid of three resolutions whose samples are {@link #sample}. The file name selects the
 * layout: {@code planar} for channel planes, {@code grey16} for 16-bit grey, {@code broken} fails setId.
 */
public class StandInImageReader {
    private String id;
    private int series;
    private int resolution;
    private boolean flattened = true;
    private boolean planar;
    private boolean grey16;
    private StandInMetadataTools.Metadata store;

    /** The 8-bit value of channel {@code c} at level pixel (x, y) of resolution {@code r}. */
    static int sample(int r, int x, int y, int c) {
        return (x * 7 + y * 3 + c * 50 + r * 20) & 0xff;
    }

    public boolean isThisType(String name, boolean open) {
        return name.endsWith(".fake");
    }

    public String[] getSuffixes() {
        return new String[] {"fake", "FAKE2"};
    }

    public void setFlattenedResolutions(boolean flattened) {
        this.flattened = flattened;
    }

    public void setMetadataStore(StandInMetadataTools.Metadata store) {
        this.store = store;
    }

    public void setId(String id) throws IOException {
        if (id.contains("broken")) {
            throw new IOException("Unknown file format: " + id);
        }
        this.id = id;
        this.planar = id.contains("planar");
        this.grey16 = id.contains("grey16");
        if (store != null) {
            store.fill(1, 0.00025, "mm", 40.0);
        }
    }

    public String getFormat() {
        return "Stand-in";
    }

    public int getSeriesCount() {
        return 2;
    }

    public void setSeries(int series) {
        this.series = series;
        this.resolution = 0;
    }

    public int getResolutionCount() {
        return series == 1 && !flattened ? 3 : 1;
    }

    public void setResolution(int resolution) {
        if (resolution >= getResolutionCount()) {
            throw new IllegalArgumentException("resolution " + resolution);
        }
        this.resolution = resolution;
    }

    public int getSizeX() {
        return series == 0 ? 10 : 1000 >> resolution;
    }

    public int getSizeY() {
        return series == 0 ? 10 : 600 >> resolution;
    }

    public int getRGBChannelCount() {
        return grey16 ? 1 : 3;
    }

    public boolean isInterleaved() {
        return !planar;
    }

    public boolean isLittleEndian() {
        return true;
    }

    public int getPixelType() {
        return grey16 ? 3 : 1;
    }

    public byte[] openBytes(int no, int x, int y, int w, int h) throws IOException {
        if (id == null) {
            throw new IllegalStateException("no file set");
        }
        if (x < 0 || y < 0 || x + w > getSizeX() || y + h > getSizeY()) {
            throw new IllegalArgumentException("Invalid tile size: x=" + x + ", y=" + y + ", w=" + w + ", h=" + h);
        }
        int channels = getRGBChannelCount();
        int bpp = grey16 ? 2 : 1;
        byte[] out = new byte[w * h * channels * bpp];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                for (int c = 0; c < channels; c++) {
                    int p = j * w + i;
                    int v = sample(resolution, x + i, y + j, c);
                    int index = (planar ? c * w * h + p : p * channels + c) * bpp;
                    if (bpp == 1) {
                        out[index] = (byte) v;
                    } else {
                        out[index] = (byte) 0x5a;      // low byte: dropped by the adapter
                        out[index + 1] = (byte) v;     // high byte (little-endian)
                    }
                }
            }
        }
        return out;
    }

    public void close() {
        id = null;
    }
}
