package org.gloinone.slide.openslide;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;

/**
 * The C API of OpenSlide (openslide.h, stable since 3.4) as seen through JNA. An {@code openslide_t*}
 * handle is a {@link Pointer}; strings are UTF-8.
 */
interface OpenSlideLibrary extends Library {

    String openslide_get_version();

    String openslide_detect_vendor(String filename);

    Pointer openslide_open(String filename);

    void openslide_close(Pointer osr);

    String openslide_get_error(Pointer osr);

    int openslide_get_level_count(Pointer osr);

    void openslide_get_level_dimensions(Pointer osr, int level, LongByReference w, LongByReference h);

    double openslide_get_level_downsample(Pointer osr, int level);

    /** Fills {@code dest} (w * h uint32) with premultiplied ARGB; x and y are level-0 coordinates. */
    void openslide_read_region(Pointer osr, Pointer dest, long x, long y, int level, long w, long h);

    /** A NULL-terminated array of property names. */
    Pointer openslide_get_property_names(Pointer osr);

    String openslide_get_property_value(Pointer osr, String name);

    /** A NULL-terminated array of associated image names. */
    Pointer openslide_get_associated_image_names(Pointer osr);

    void openslide_get_associated_image_dimensions(Pointer osr, String name, LongByReference w, LongByReference h);

    void openslide_read_associated_image(Pointer osr, String name, Pointer dest);
}
