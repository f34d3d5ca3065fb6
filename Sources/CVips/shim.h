// Debian's libvips (libvips-dev, 8.14), through non-variadic wrappers: Swift cannot call C's
// variadic functions, and libvips passes every optional argument as a NULL-terminated list.
#ifndef THIDUA_CVIPS_SHIM_H
#define THIDUA_CVIPS_SHIM_H
#include <vips/vips.h>

/// The loader libvips would use for these bytes ("jpegload_buffer"), or NULL.
static inline const char *thidua_vips_loader(const void *data, size_t size) {
    return vips_foreign_find_load_buffer(data, size);
}

/// The image's header only (no pixels decoded): width, height, orientation.
static inline VipsImage *thidua_vips_header(const void *data, size_t size) {
    return vips_image_new_from_buffer(data, size, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
}

/// How a rendition is cut from its source.
typedef enum {
    /// Exactly `width` x `height` (the caller keeps the source's aspect ratio and never asks for more pixels than it has).
    THIDUA_FIT_EXACT = 0,
    /// Scaled to cover `width` x `height` (up or down), then cropped to it keeping what draws the eye (libvips' attention).
    THIDUA_FIT_COVER_ATTENTION = 1,
} ThiduaFit;

/// The source bytes scaled, upright by their EXIF orientation, converted to sRGB from the profile
/// it embeds (one without is sRGB already: an import profile would fail on a grey picture);
/// fails on a truncated or damaged file (fail_on truncated).
static inline int thidua_vips_thumbnail_buffer(void *data, size_t size, VipsImage **out, int width, int height, ThiduaFit fit) {
    return vips_thumbnail_buffer(data, size, out, width,
        "height", height,
        "size", fit == THIDUA_FIT_EXACT ? VIPS_SIZE_FORCE : VIPS_SIZE_BOTH,
        "crop", fit == THIDUA_FIT_EXACT ? VIPS_INTERESTING_NONE : VIPS_INTERESTING_ATTENTION,
        "export_profile", "srgb",
        "fail_on", VIPS_FAIL_ON_TRUNCATED,
        // 8.14's thumbnail_buffer does not hand its own fail_on to the loader: the loader's options say it.
        "option_string", "fail_on=truncated",
        NULL);
}

/// An image already upright and in sRGB (an earlier thumbnail), scaled again: no rotation, no profile.
static inline int thidua_vips_thumbnail_image(VipsImage *in, VipsImage **out, int width, int height, ThiduaFit fit) {
    return vips_thumbnail_image(in, out, width,
        "height", height,
        "size", fit == THIDUA_FIT_EXACT ? VIPS_SIZE_FORCE : VIPS_SIZE_BOTH,
        "crop", fit == THIDUA_FIT_EXACT ? VIPS_INTERESTING_NONE : VIPS_INTERESTING_ATTENTION,
        "no_rotate", TRUE,
        NULL);
}

static void thidua_vips_ignore_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

/// libvips' warnings (a JPEG's "premature end of file", an unknown EXIF tag) go to stderr through
/// GLib; ThiDua reports problems as diagnostics of its own, so they are silenced.
static inline void thidua_vips_quiet(void) {
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG,
                      thidua_vips_ignore_log, NULL);
}

/// What every rendition is encoded from: alpha flattened on white (JPEG has none, and WebP's is
/// rarely wanted in a portrait), in 8-bit sRGB whatever the source was (grey, 16-bit, CMYK already
/// converted by the thumbnail's profiles).
static inline int thidua_vips_display(VipsImage *in, VipsImage **out) {
    VipsImage *flat = NULL, *srgb = NULL;
    int r = 0;
    if (vips_image_hasalpha(in)) {
        VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
        r = vips_flatten(in, &flat, "background", white, NULL);
        vips_area_unref(VIPS_AREA(white));
    } else {
        flat = in; g_object_ref(flat);
    }
    if (!r) r = vips_colourspace(flat, &srgb, VIPS_INTERPRETATION_sRGB, NULL);
    if (!r) r = vips_cast(srgb, out, VIPS_FORMAT_UCHAR, NULL);
    if (srgb) g_object_unref(srgb);
    if (flat) g_object_unref(flat);
    return r;
}

/// Removes every metadata item (EXIF with its GPS position, XMP, IPTC, the ICC profile, the
/// orientation, anything a loader attached) from an image of our own (a fresh memory copy).
static inline void thidua_vips_remove_metadata(VipsImage *image) {
    gchar **fields = vips_image_get_fields(image);
    for (int i = 0; fields && fields[i]; i++) {
        // The built-in header fields (width, bands…) are properties, not metadata: removing them does nothing.
        vips_image_remove(image, fields[i]);
    }
    g_strfreev(fields);
}

/// WebP at quality `q`, every metadata block stripped (`strip` is 8.14's way; 8.15 calls it keep=none).
static inline int thidua_vips_webp(VipsImage *in, void **buf, size_t *len, int q) {
    return vips_webpsave_buffer(in, buf, len, "Q", q, "strip", TRUE, "effort", 4, "smart_subsample", TRUE, NULL);
}

/// Progressive JPEG (it shows whole at once, then sharpens) at quality `q`, optimised Huffman tables, metadata stripped.
static inline int thidua_vips_jpeg(VipsImage *in, void **buf, size_t *len, int q) {
    return vips_jpegsave_buffer(in, buf, len, "Q", q, "strip", TRUE, "optimize_coding", TRUE, "interlace", TRUE, NULL);
}

/// The PNG the tests and fixtures write (no metadata of ours).
static inline int thidua_vips_png(VipsImage *in, void **buf, size_t *len) {
    return vips_pngsave_buffer(in, buf, len, NULL);
}

/// A JPEG written with the image's own metadata kept (for test fixtures with EXIF/GPS).
static inline int thidua_vips_jpeg_keep(VipsImage *in, void **buf, size_t *len, int q) {
    return vips_jpegsave_buffer(in, buf, len, "Q", q, NULL);
}

/// HEIC, as an iPhone writes it (for test fixtures).
static inline int thidua_vips_heic(VipsImage *in, void **buf, size_t *len) {
    return vips_heifsave_buffer(in, buf, len, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_HEVC, NULL);
}

/// Whole image decoded into memory as a new image (for tests reading pixels back).
static inline VipsImage *thidua_vips_decode(const void *data, size_t size) {
    return vips_image_new_from_buffer(data, size, "", NULL);
}

static inline int thidua_vips_getpoint(VipsImage *in, double **vector, int *n, int x, int y) {
    return vips_getpoint(in, vector, n, x, y, NULL);
}

static inline void thidua_vips_unref(void *object) { g_object_unref(object); }
static inline void thidua_vips_free(void *p) { g_free(p); }
#endif
