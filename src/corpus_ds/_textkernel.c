/* One pass over the UTF-8 bytes of a string column (Arrow buffers, read through the buffer protocol, never
 * copied): the code points and paragraphs of every row, and for each quote whether its bytes are the row's bytes
 * from a code point offset on. It computes exactly what corpus_ds.arrowtools' TextScan, quotes_match and
 * paragraph_counts compute, and corpus_ds.textkernel checks that it does.
 *
 * The buffers come from files a stranger may have written: every offset and length is checked before it is used.
 * Offsets that do not describe the buffers, or quotes that do not follow the rows' order, make the call raise
 * ValueError (the caller then takes the reference path); a quote whose offsets fall outside its text is simply
 * not found. The loop runs without the GIL, beside the other rules. Portable C99: no intrinsics, no -march. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h> /* SSE2: part of every x86-64 CPU, so no run-time dispatch is needed */
#endif

#define BLOCK 64       /* bytes per entry of a row's character index */
#define MAX_SETS 8     /* quote tables per call */
#define LOW 0x0101010101010101ULL

typedef struct {
    const uint8_t *data;
    Py_ssize_t data_len;
    const void *offsets; /* int32 or int64, already shifted to the array's first row */
    int wide;            /* 1: int64 offsets */
    Py_ssize_t n;        /* rows */
} strings;

typedef struct {
    const int64_t *rows;   /* row in the text column plus base, non-decreasing */
    int64_t base;          /* the row of the column's first text among the rows (0 <= base) */
    const int64_t *starts; /* code point offset in that row */
    const int64_t *quote;  /* row of the quote in the quote column */
    Py_ssize_t n;
    strings quotes;
    uint8_t *found;
    Py_ssize_t next; /* the first query not yet answered */
} query_set;

static inline int64_t offset_at(const strings *s, Py_ssize_t i)
{
    return s->wide ? ((const int64_t *)s->offsets)[i] : (int64_t)((const int32_t *)s->offsets)[i];
}

/* Row i's bytes, read again where they are used: 0 when its offsets no longer describe the data (the buffers were
 * checked before the loop, but another thread, or a second mapping of the same memory, may change them since). */
static inline int row_at(const strings *s, Py_ssize_t i, const uint8_t **p, int64_t *n)
{
    int64_t a = offset_at(s, i), b = offset_at(s, i + 1);
    if (a < 0 || b < a || b > s->data_len)
        return 0;
    *p = s->data + a, *n = b - a;
    return 1;
}

#if defined(__SSE2__) && defined(__GNUC__)
#if BLOCK != 64
#error "scan_row reads a BLOCK as four 16-byte loads"
#endif
/* Code points and paragraphs of a row in one read of its bytes, a BLOCK (four 16-byte loads) at a time: the bytes
 * that start a code point (not 10xxxxxx, as Arrow's utf8_length counts them) and len(text.split("\n\n")) for a
 * non-empty row (a run of k newlines splits it k // 2 times). With index (n_blocks + 1 entries), also the code points
 * before each BLOCK (index[j]: in bytes [0, j * BLOCK); index[n_blocks]: the row's). Separate passes read every text
 * twice, and the rows with quotes three times; the portable helpers below count the same. */
static int64_t scan_row(const uint8_t *p, int64_t n, int64_t *paragraphs, int64_t *index)
{
    const __m128i newline = _mm_set1_epi8('\n'), below = _mm_set1_epi8((char)0xC0), zero = _mm_setzero_si128();
    int64_t continuation = 0, splits = 0, run = 0, last = -2, i = 0; /* run: newlines in a row, the last at last */
    for (; i + BLOCK <= n; i += BLOCK) {
        __m128i v[4], cont = zero, nl_any = zero;
        for (int j = 0; j < 4; j++) {
            v[j] = _mm_loadu_si128((const __m128i *)(p + i + 16 * j));
            /* 10xxxxxx is below 0xC0 as a signed byte: -1 in each such lane */
            cont = _mm_add_epi8(cont, _mm_cmpgt_epi8(below, v[j]));
            nl_any = _mm_or_si128(nl_any, _mm_cmpeq_epi8(v[j], newline));
        }
        __m128i sums = _mm_sad_epu8(_mm_sub_epi8(zero, cont), zero); /* at most 4 per lane, summed per half */
        if (index)
            index[i / BLOCK] = i - continuation;
        continuation += _mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums));
        if (!_mm_movemask_epi8(nl_any))
            continue; /* most blocks hold no newline */
        uint64_t nl = 0;
        for (int j = 0; j < 4; j++)
            nl |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v[j], newline)) << (16 * j);
        for (; nl; nl &= nl - 1) {
            int64_t at = i + __builtin_ctzll(nl);
            splits += at == last + 1 ? 0 : run / 2;
            run = at == last + 1 ? run + 1 : 1;
            last = at;
        }
    }
    if (index && i < n)
        index[i / BLOCK] = i - continuation; /* the last, partial block */
    for (; i < n; i++) {
        continuation += (p[i] & 0xC0) == 0x80;
        if (p[i] == '\n') {
            splits += i == last + 1 ? 0 : run / 2;
            run = i == last + 1 ? run + 1 : 1;
            last = i;
        }
    }
    *paragraphs = n ? splits + run / 2 + 1 : 0;
    if (index)
        index[(n + BLOCK - 1) / BLOCK] = n - continuation;
    return n - continuation;
}
#else
/* Bytes that start a code point (not 10xxxxxx) in BLOCK bytes: 8-byte words, bit 0 of each byte set for a
 * continuation byte, summed lane by lane (at most 8 per lane) and then across the lanes by one multiplication. */
static inline int64_t block_starts(const uint8_t *p)
{
    uint64_t sum = 0;
    for (int i = 0; i < BLOCK; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8); /* an unaligned load the compiler turns into one move */
        sum += (w >> 7) & ~(w >> 6) & LOW;
    }
    return BLOCK - (int64_t)((sum * LOW) >> 56);
}

/* Bytes that start a code point, as Arrow's utf8_length counts them. */
static int64_t count_starts(const uint8_t *p, int64_t n)
{
    int64_t starts = 0, i = 0;
    for (; i + BLOCK <= n; i += BLOCK)
        starts += block_starts(p + i);
    for (; i < n; i++)
        starts += (p[i] & 0xC0) != 0x80;
    return starts;
}

/* len(text.split("\n\n")) for a non-empty row: a run of k newlines splits it k // 2 times (non-overlapping). */
static int64_t count_paragraphs(const uint8_t *p, int64_t n)
{
    int64_t splits = 0;
    const uint8_t *end = p + n;
    while (p < end) {
        const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL)
            break;
        const uint8_t *q = nl;
        while (q < end && *q == '\n')
            q++;
        splits += (q - nl) / 2;
        p = q;
    }
    return splits + 1;
}

/* Code points before each BLOCK of a row: index[j] counts the starts in bytes [0, j * BLOCK); index[n_blocks] is
 * the row's code points. */
static void index_row(const uint8_t *p, int64_t n, int64_t *index, int64_t n_blocks)
{
    int64_t before = 0, j = 0;
    for (; (j + 1) * BLOCK <= n; j++) {
        index[j] = before;
        before += block_starts(p + j * BLOCK);
    }
    if (j < n_blocks) { /* the last, partial block */
        index[j] = before;
        before += count_starts(p + j * BLOCK, n - j * BLOCK);
    }
    index[n_blocks] = before;
}

/* Code points and paragraphs of a row; with index (n_blocks + 1 entries), also its block index. */
static int64_t scan_row(const uint8_t *p, int64_t n, int64_t *paragraphs, int64_t *index)
{
    int64_t n_blocks = (n + BLOCK - 1) / BLOCK;
    *paragraphs = n ? count_paragraphs(p, n) : 0;
    if (index == NULL)
        return count_starts(p, n);
    index_row(p, n, index, n_blocks);
    return index[n_blocks];
}
#endif

#if defined(__SSE2__) && defined(__GNUC__)
/* The bytes of p[0, BLOCK) that start a code point (not 10xxxxxx), bit i for byte i. */
static inline uint64_t start_mask(const uint8_t *p)
{
    const __m128i below = _mm_set1_epi8((char)0xC0);
    uint64_t continuation = 0;
    for (int j = 0; j < 4; j++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * j));
        continuation |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(below, v)) << (16 * j);
    }
    return ~continuation;
}

/* Position of the set bit of w that has r set bits below it; -1 where w has r bits set or fewer. The running count
 * of set bits up to each byte in one multiplication, the byte that holds the bit by one subtraction in each byte
 * (no branch the data decides), then at most 7 bits of that byte cleared. Portable: no popcnt or pdep assumed. */
static inline int64_t nth_bit(uint64_t w, int64_t r)
{
    uint64_t b = w - ((w >> 1) & 0x5555555555555555ULL);
    b = (b & 0x3333333333333333ULL) + ((b >> 2) & 0x3333333333333333ULL);
    b = (b + (b >> 4)) & 0x0F0F0F0F0F0F0F0FULL; /* bits set in each byte */
    uint64_t upto = b * LOW;                     /* byte i: bits set in bytes 0 to i (at most 64) */
    if (r < 0 || r >= (int64_t)(upto >> 56))
        return -1;
    /* the high bit of byte i survives the subtraction of r + 1 (at most 64) where upto_i > r; no byte borrows */
    uint64_t over = ((upto | 0x8080808080808080ULL) - (uint64_t)(r + 1) * LOW) & 0x8080808080808080ULL;
    int byte = __builtin_ctzll(over) >> 3;
    r -= byte ? (int64_t)((upto >> (8 * (byte - 1))) & 0xFF) : 0;
    uint64_t bits = (w >> (8 * byte)) & 0xFF;
    for (; r > 0; r--)
        bits &= bits - 1;
    return 8 * byte + __builtin_ctzll(bits);
}
#endif

/* Byte of code point k (0 <= k < chars) of a row, from its block index. */
static int64_t byte_of_char(const uint8_t *p, int64_t n, const int64_t *index, int64_t n_blocks, int64_t k,
                            double per_char)
{
    /* the last block j with index[j] <= k (index[0] = 0 <= k): first near where the row's bytes per code point put
     * it (a text's code points are about as long all through, so the guess is right or one block off), a few
     * blocks each way at most */
    double guess = (double)k * per_char;
    int64_t lo = guess >= 0 && guess < (double)n_blocks ? (int64_t)guess : n_blocks - 1, len = n_blocks;
    int step = 0;
    for (; step < 4; step++) {
        if (index[lo] > k)
            lo--; /* lo > 0, as index[0] = 0 <= k */
        else if (lo + 1 < n_blocks && index[lo + 1] <= k)
            lo++;
        else
            break;
    }
    if (step == 4) { /* else halving a range that holds it: no branch the data decides, which the search
                      * mispredicted about every other step */
        lo = 0;
        while (len > 1) {
            int64_t half = len / 2;
            lo = index[lo + half] <= k ? lo + half : lo;
            len -= half;
        }
    }
    int64_t seen = index[lo], b = lo * BLOCK;
#if defined(__SSE2__) && defined(__GNUC__)
    if (b + BLOCK <= n) { /* a whole block: its code point starts as one mask, and the (k - seen)th of them */
        int64_t at = nth_bit(start_mask(p + b), k - seen);
        if (at >= 0)
            return b + at;
    } /* the last, partial block (or an index the bytes no longer match): byte by byte below */
#endif
    for (; b + 8 <= n; b += 8) { /* whole words before the one that holds code point k */
        uint64_t w;
        memcpy(&w, p + b, 8);
        int64_t starts = 8 - (int64_t)(((((w >> 7) & ~(w >> 6)) & LOW) * LOW) >> 56);
        if (seen + starts > k)
            break;
        seen += starts;
    }
    for (; b < n; b++) {
        if ((p[b] & 0xC0) != 0x80) {
            if (seen == k)
                return b;
            seen++;
        }
    }
    return -1; /* not reached when k < chars */
}

/* Whether the quote of query i is at code point `start` of the row (chars code points, bytes [0, n)). */
static int quote_found(const query_set *set, Py_ssize_t i, const uint8_t *p, int64_t n, int64_t chars,
                       const int64_t *index, int64_t n_blocks, double per_char)
{
    int64_t k = set->starts[i], q = set->quote[i];
    if (k < 0 || k > chars || q < 0 || q >= set->quotes.n)
        return 0;
    int64_t qa = offset_at(&set->quotes, q), qb = offset_at(&set->quotes, q + 1);
    int64_t pos = k == chars ? n : byte_of_char(p, n, index, n_blocks, k, per_char);
    if (pos < 0 || pos + (qb - qa) > n)
        return 0;
    return memcmp(p + pos, set->quotes.data + qa, (size_t)(qb - qa)) == 0;
}

/* Offsets within the data and non-decreasing: the only strings the loop reads. */
static int strings_ok(const strings *s)
{
    int64_t prev = offset_at(s, 0);
    if (prev < 0)
        return 0;
    for (Py_ssize_t i = 1; i <= s->n; i++) {
        int64_t cur = offset_at(s, i);
        if (cur < prev)
            return 0;
        prev = cur;
    }
    return prev <= s->data_len;
}

/* Queries in the rows' order, each naming a row of the texts. */
static int queries_ok(const query_set *set, Py_ssize_t n_rows)
{
    for (Py_ssize_t i = 0; i < set->n; i++) {
        if (set->rows[i] < set->base || set->rows[i] >= set->base + n_rows || (i && set->rows[i] < set->rows[i - 1]))
            return 0;
    }
    return 1;
}

/* Whether any set has a query on row r (each set's next query is the first not yet answered). */
static int row_has_queries(const query_set *sets, int n_sets, Py_ssize_t r)
{
    for (int s = 0; s < n_sets; s++) {
        if (sets[s].next < sets[s].n && sets[s].rows[sets[s].next] == r + sets[s].base)
            return 1;
    }
    return 0;
}

static int scan(const strings *text, query_set *sets, int n_sets, int64_t *n_chars, int64_t *n_paragraphs)
{
    int64_t capacity = 0, *index = NULL;
    for (Py_ssize_t r = 0; r < text->n; r++) {
        int64_t a = offset_at(text, r), n = offset_at(text, r + 1) - a;
        const uint8_t *p = text->data + a;
        if (!row_has_queries(sets, n_sets, r)) {
            n_chars[r] = scan_row(p, n, &n_paragraphs[r], NULL);
            continue;
        }
        int64_t n_blocks = (n + BLOCK - 1) / BLOCK; /* the row's index: its code points come with it */
        if (n_blocks + 1 > capacity) {
            int64_t *grown = realloc(index, (size_t)(n_blocks + 1) * sizeof(int64_t));
            if (grown == NULL) {
                free(index);
                return -1;
            }
            index = grown, capacity = n_blocks + 1;
        }
        int64_t chars = n_chars[r] = scan_row(p, n, &n_paragraphs[r], index);
        double per_char = chars ? (double)n / ((double)chars * BLOCK) : 0; /* blocks per code point */
        for (int s = 0; s < n_sets; s++) {
            query_set *set = &sets[s];
            for (; set->next < set->n && set->rows[set->next] == r + set->base; set->next++)
                set->found[set->next] =
                    (uint8_t)quote_found(set, set->next, p, n, chars, index, n_blocks, per_char);
        }
    }
    free(index);
    return 0;
}

/* --- arguments: buffers checked for size, type and writability --- */

typedef struct {
    Py_buffer views[4 + 6 * MAX_SETS];
    int writable[4 + 6 * MAX_SETS];
    int n;
} held;

static void release_all(held *h)
{
    for (int i = 0; i < h->n; i++)
        PyBuffer_Release(&h->views[i]);
    h->n = 0;
}

static Py_buffer *hold(held *h, PyObject *obj, int writable, const char *what)
{
    Py_buffer *view = &h->views[h->n];
    if (PyObject_GetBuffer(obj, view, writable ? PyBUF_WRITABLE | PyBUF_C_CONTIGUOUS : PyBUF_C_CONTIGUOUS) < 0) {
        PyErr_Format(PyExc_ValueError, "%s: expected a contiguous%s buffer", what, writable ? " writable" : "");
        return NULL;
    }
    h->writable[h->n++] = writable;
    return view;
}

/* No buffer the call writes shares a byte with another it reads or writes: a check made on an input must still
 * hold while the loop writes its outputs. */
static int outputs_apart(const held *h)
{
    for (int i = 0; i < h->n; i++) {
        if (!h->writable[i] || h->views[i].len == 0)
            continue;
        const char *a = h->views[i].buf;
        for (int j = 0; j < h->n; j++) {
            const char *b = h->views[j].buf;
            if (j != i && h->views[j].len && a < b + h->views[j].len && b < a + h->views[i].len) {
                PyErr_SetString(PyExc_ValueError, "an output buffer overlaps another buffer of the call");
                return 0;
            }
        }
    }
    return 1;
}

/* A buffer of values of `size` bytes starts on a multiple of their size (portable loads). */
static int aligned(const Py_buffer *view, Py_ssize_t size, const char *what)
{
    if ((uintptr_t)view->buf % (uintptr_t)size) {
        PyErr_Format(PyExc_ValueError, "%s: expected a buffer aligned on %zd bytes", what, size);
        return 0;
    }
    return 1;
}

/* A string array from (offsets, data, wide, first, n): offsets[first : first + n + 1] must lie in the buffer. */
static int get_strings(held *h, PyObject *offsets, PyObject *data, int wide, Py_ssize_t first, Py_ssize_t n,
                       strings *out, const char *what)
{
    Py_buffer *ov = hold(h, offsets, 0, what), *dv = ov ? hold(h, data, 0, what) : NULL;
    if (dv == NULL)
        return -1;
    Py_ssize_t width = wide ? 8 : 4;
    if (!aligned(ov, width, what))
        return -1;
    /* first + n + 1 <= len, written so that no sum can overflow */
    if (first < 0 || n < 0 || first > ov->len / width || n >= ov->len / width - first) {
        PyErr_Format(PyExc_ValueError, "%s: %zd rows from row %zd do not fit the offsets buffer", what, n, first);
        return -1;
    }
    out->data = dv->buf;
    out->data_len = dv->len;
    out->offsets = (const char *)ov->buf + first * width;
    out->wide = wide;
    out->n = n;
    if (!strings_ok(out)) {
        PyErr_Format(PyExc_ValueError, "%s: offsets outside the data or decreasing", what);
        return -1;
    }
    return 0;
}

static const void *sized(held *h, PyObject *obj, Py_ssize_t count, Py_ssize_t size, int writable, const char *what)
{
    Py_buffer *view = hold(h, obj, writable, what);
    if (view == NULL)
        return NULL;
    if (count < 0 || count > PY_SSIZE_T_MAX / size || view->len != count * size) {
        PyErr_Format(PyExc_ValueError, "%s: expected %zd values of %zd bytes", what, count, size);
        return NULL;
    }
    return aligned(view, size, what) ? view->buf : NULL;
}

static const int64_t *int64s(held *h, PyObject *obj, Py_ssize_t n, int writable, const char *what)
{
    return sized(h, obj, n, sizeof(int64_t), writable, what);
}

static int get_set(held *h, PyObject *item, Py_ssize_t n_rows, query_set *set)
{
    PyObject *rows, *starts, *quote, *q_offsets, *q_data, *found;
    int q_wide;
    Py_ssize_t q_first, q_n, n, base = 0;
    if (!PyArg_ParseTuple(item, "nOOOOOpnnO|n", &n, &rows, &starts, &quote, &q_offsets, &q_data, &q_wide, &q_first,
                          &q_n, &found, &base))
        return -1;
    memset(set, 0, sizeof(*set));
    if (base < 0 || base > PY_SSIZE_T_MAX - n_rows) { /* rows up to base + n_rows are compared, never overflowing */
        PyErr_SetString(PyExc_ValueError, "base: expected a row, 0 or more");
        return -1;
    }
    set->n = n, set->base = base;
    if (!(set->rows = int64s(h, rows, n, 0, "rows")) || !(set->starts = int64s(h, starts, n, 0, "starts")) ||
        !(set->quote = int64s(h, quote, n, 0, "quote rows")))
        return -1;
    if (get_strings(h, q_offsets, q_data, q_wide, q_first, q_n, &set->quotes, "quotes") < 0)
        return -1;
    Py_buffer *fv = hold(h, found, 1, "found");
    if (fv == NULL)
        return -1;
    if (fv->len != n) {
        PyErr_Format(PyExc_ValueError, "found: expected %zd bytes", n);
        return -1;
    }
    set->found = fv->buf;
    if (!queries_ok(set, n_rows)) {
        PyErr_SetString(PyExc_ValueError, "queries: rows outside the texts or not in their order");
        return -1;
    }
    return 0;
}

PyDoc_STRVAR(text_pass_doc,
             "text_pass(offsets, data, wide, first, n, n_chars, n_paragraphs, sets)\n\n"
             "Code points and paragraphs of each of the n strings (offsets[first:first + n + 1] into data; wide: "
             "int64 offsets) into the int64 buffers n_chars and n_paragraphs; for each set (n, rows, starts, "
             "quote rows, quote offsets, quote data, wide, first, n quotes, found[, base]) whether each quote is at "
             "its code point start in its row (row - base among the n strings; found: one byte per query). "
             "ValueError when the buffers disagree.");

static PyObject *text_pass(PyObject *self, PyObject *args)
{
    PyObject *offsets, *data, *n_chars_obj, *n_par_obj, *set_list;
    int wide;
    Py_ssize_t first, n;
    if (!PyArg_ParseTuple(args, "OOpnnOOO", &offsets, &data, &wide, &first, &n, &n_chars_obj, &n_par_obj,
                          &set_list))
        return NULL;
    held h = {.n = 0};
    strings text;
    query_set sets[MAX_SETS];
    PyObject *seq = PySequence_Fast(set_list, "sets: expected a sequence");
    if (seq == NULL)
        return NULL;
    Py_ssize_t n_sets = PySequence_Fast_GET_SIZE(seq);
    int64_t *n_chars = NULL, *n_paragraphs = NULL;
    if (n_sets > MAX_SETS) {
        PyErr_Format(PyExc_ValueError, "sets: at most %d", MAX_SETS);
        goto fail;
    }
    if (get_strings(&h, offsets, data, wide, first, n, &text, "texts") < 0)
        goto fail;
    if (!(n_chars = (int64_t *)int64s(&h, n_chars_obj, n, 1, "n_chars")) ||
        !(n_paragraphs = (int64_t *)int64s(&h, n_par_obj, n, 1, "n_paragraphs")))
        goto fail;
    for (Py_ssize_t s = 0; s < n_sets; s++) {
        if (get_set(&h, PySequence_Fast_GET_ITEM(seq, s), n, &sets[s]) < 0)
            goto fail;
    }
    if (!outputs_apart(&h))
        goto fail;
    int status;
    Py_BEGIN_ALLOW_THREADS status = scan(&text, sets, (int)n_sets, n_chars, n_paragraphs);
    Py_END_ALLOW_THREADS if (status < 0)
    {
        PyErr_NoMemory();
        goto fail;
    }
    release_all(&h);
    Py_DECREF(seq);
    Py_RETURN_NONE;
fail:
    release_all(&h);
    Py_DECREF(seq);
    return NULL;
}

/* --- many patterns at once in the folded texts (the full checks' registry search) --- */

#define FOLD_UNITS 0x10000 /* the fold table covers the Basic Multilingual Plane */
#define DROPPED 0xFFFF     /* what folding drops (textsearch._DROPPED) */
#define UNHANDLED 0xFFFE   /* what the table cannot fold: the text is left to Python (textsearch._UNHANDLED) */

typedef struct {
    const uint16_t *fold;     /* FOLD_UNITS entries: the folded unit, DROPPED or UNHANDLED */
    const int32_t *symbols;   /* FOLD_UNITS entries: each folded unit's symbol in the automaton (0: none) */
    const int32_t *delta;     /* n_states x n_symbols transitions */
    int32_t n_symbols;
    int64_t n_states;
    const int64_t *out_start; /* n_states + 1: the patterns each state completes, out_ids[out_start[s]:...] */
    const int64_t *out_ids;
    int64_t words;            /* 64-bit words of found bits per text */
} automaton;

/* The code point at p (n bytes left) and its length in bytes; 0 for anything but a well-formed UTF-8 sequence
 * (overlong forms, surrogates and values past U+10FFFF included), which Python would not decode either. */
static int decode_utf8(const uint8_t *p, int64_t n, uint32_t *cp)
{
    uint8_t b = p[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
    if (len == 0 || b > 0xF4 || n < len)
        return 0;
    uint32_t c = b & (0xFF >> (len + 1));
    for (int k = 1; k < len; k++) {
        if ((p[k] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[k] & 0x3F);
    }
    if ((len == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)))
        return 0;
    *cp = c;
    return len;
}

/* decode_utf8, with the one- and two-byte sequences of Arabic text read in line (the scans' inner loops). */
static inline int next_code_point(const uint8_t *p, int64_t n, uint32_t *cp)
{
    uint8_t b = p[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    if (b >= 0xC2 && b < 0xE0 && n >= 2 && (p[1] & 0xC0) == 0x80) {
        *cp = ((uint32_t)(b & 0x1F) << 6) | (p[1] & 0x3F);
        return 2;
    }
    return decode_utf8(p, n, cp);
}

/* Fold one text as textsearch.fold_all does (each unit through the table, dropped units left out, one space of a
 * run kept) and run the automaton over it, setting the bit of every pattern it finds; 0 when the table cannot fold
 * the text (a character outside the plane, one it does not handle, bytes that are not UTF-8). With flagged (a bit
 * per code point, as chars_in takes it), *hit is set where the text holds a flagged code point, and wherever the
 * search stops early: a text it could not fold is left to the exact check. */
static int search_text(const automaton *a, const uint8_t *p, int64_t n, uint64_t *bits, const uint8_t *flagged,
                       uint8_t *hit)
{
    int64_t state = 0, i = 0;
    int after_space = 0;
    uint8_t flags = 0;
    while (i < n) {
        uint32_t cp;
        int len = next_code_point(p + i, n - i, &cp);
        if (len == 0 || cp >= FOLD_UNITS) {
            if (hit)
                *hit = 1;
            return 0;
        }
        i += len;
        if (flagged)
            flags |= flagged[cp >> 3] >> (cp & 7);
        uint16_t unit = a->fold[cp];
        if (unit == UNHANDLED) {
            if (hit)
                *hit = 1;
            return 0;
        }
        if (unit == DROPPED || (unit == ' ' && after_space))
            continue;
        after_space = unit == ' ';
        state = a->delta[state * a->n_symbols + a->symbols[unit]];
        for (int64_t o = a->out_start[state]; o < a->out_start[state + 1]; o++)
            bits[a->out_ids[o] >> 6] |= (uint64_t)1 << (a->out_ids[o] & 63);
    }
    if (hit)
        *hit = flags & 1;
    return 1;
}

/* Every table entry names a state, a symbol or a pattern that exists: the automaton never reads out of bounds. */
static int automaton_ok(const automaton *a, int64_t n_patterns, int64_t n_out)
{
    for (int64_t u = 0; u < FOLD_UNITS; u++) {
        if (a->symbols[u] < 0 || a->symbols[u] >= a->n_symbols)
            return 0;
    }
    for (int64_t k = 0; k < a->n_states * a->n_symbols; k++) {
        if (a->delta[k] < 0 || a->delta[k] >= a->n_states)
            return 0;
    }
    if (a->out_start[0] != 0 || a->out_start[a->n_states] != n_out)
        return 0;
    for (int64_t s = 0; s < a->n_states; s++) {
        if (a->out_start[s + 1] < a->out_start[s])
            return 0;
    }
    for (int64_t o = 0; o < n_out; o++) {
        if (a->out_ids[o] < 0 || a->out_ids[o] >= n_patterns)
            return 0;
    }
    return 1;
}


PyDoc_STRVAR(patterns_found_doc,
             "patterns_found(offsets, data, wide, first, n, fold, symbols, delta, n_symbols, out_start, out_ids, "
             "n_patterns, found, folded[, flagged, hit])\n\n"
             "For each of the n strings, fold it through the table fold (65536 uint16: the unit, 0xFFFF dropped, "
             "0xFFFE unhandled) and run the Aho-Corasick automaton (symbols: int32 per folded unit; delta: int32 "
             "n_states x n_symbols; out_start, out_ids: int64, the patterns each state completes) over it, setting "
             "the bit of each pattern found in found (uint64, n rows of (n_patterns + 63) // 64 words); folded[i] "
             "is 0 where the table could not fold string i. With flagged (as chars_in takes it), hit[i] = 1 where "
             "string i holds a flagged code point or could not be folded, else 0. ValueError when the buffers "
             "disagree.");

static PyObject *patterns_found(PyObject *self, PyObject *args)
{
    PyObject *offsets, *data, *fold, *symbols, *delta, *out_start, *out_ids, *found_obj, *folded_obj;
    PyObject *flagged_obj = NULL, *hit_obj = NULL;
    int wide;
    Py_ssize_t first, n, n_symbols, n_patterns;
    if (!PyArg_ParseTuple(args, "OOpnnOOOnOOnOO|OO", &offsets, &data, &wide, &first, &n, &fold, &symbols, &delta,
                          &n_symbols, &out_start, &out_ids, &n_patterns, &found_obj, &folded_obj, &flagged_obj,
                          &hit_obj))
        return NULL;
    held h = {.n = 0};
    strings text;
    automaton a;
    if (n_symbols < 1 || n_symbols > INT32_MAX || n_patterns < 0 || n_patterns > PY_SSIZE_T_MAX - 63 ||
        ((n_patterns + 63) / 64 && n > PY_SSIZE_T_MAX / 8 / ((n_patterns + 63) / 64))) {
        PyErr_SetString(PyExc_ValueError, "n_symbols, n_patterns: out of range");
        return NULL;
    }
    a.n_symbols = (int32_t)n_symbols;
    a.words = (n_patterns + 63) / 64;
    if (get_strings(&h, offsets, data, wide, first, n, &text, "texts") < 0)
        goto fail;
    Py_buffer *dv = hold(&h, delta, 0, "delta");
    if (dv == NULL)
        goto fail;
    if (dv->len == 0 || dv->len % ((Py_ssize_t)sizeof(int32_t) * n_symbols)) {
        PyErr_SetString(PyExc_ValueError, "delta: expected n_states x n_symbols int32 values");
        goto fail;
    }
    if (!aligned(dv, sizeof(int32_t), "delta"))
        goto fail;
    a.delta = dv->buf;
    a.n_states = dv->len / ((Py_ssize_t)sizeof(int32_t) * n_symbols);
    Py_buffer *ov = hold(&h, out_ids, 0, "out_ids");
    if (ov == NULL || ov->len % (Py_ssize_t)sizeof(int64_t)) {
        if (ov != NULL)
            PyErr_SetString(PyExc_ValueError, "out_ids: expected int64 values");
        goto fail;
    }
    if (!aligned(ov, sizeof(int64_t), "out_ids"))
        goto fail;
    a.out_ids = ov->buf;
    uint64_t *found;
    uint8_t *folded, *hit = NULL;
    const uint8_t *flagged = NULL;
    if ((flagged_obj == NULL) != (hit_obj == NULL)) {
        PyErr_SetString(PyExc_ValueError, "flagged, hit: expected both or neither");
        goto fail;
    }
    if (flagged_obj != NULL && (!(flagged = sized(&h, flagged_obj, FOLD_UNITS / 8, 1, 0, "flagged")) ||
                                !(hit = (uint8_t *)sized(&h, hit_obj, n, 1, 1, "hit"))))
        goto fail;
    if (!(a.fold = sized(&h, fold, FOLD_UNITS, 2, 0, "fold")) ||
        !(a.symbols = sized(&h, symbols, FOLD_UNITS, 4, 0, "symbols")) ||
        !(a.out_start = sized(&h, out_start, a.n_states + 1, 8, 0, "out_start")) ||
        !(found = (uint64_t *)sized(&h, found_obj, n * a.words, 8, 1, "found")) ||
        !(folded = (uint8_t *)sized(&h, folded_obj, n, 1, 1, "folded")))
        goto fail;
    if (!outputs_apart(&h))
        goto fail;
    if (!automaton_ok(&a, n_patterns, ov->len / (Py_ssize_t)sizeof(int64_t))) {
        PyErr_SetString(PyExc_ValueError, "automaton: a state, symbol or pattern out of range");
        goto fail;
    }
    Py_BEGIN_ALLOW_THREADS for (Py_ssize_t r = 0; r < n; r++)
    {
        const uint8_t *p;
        int64_t len;
        int at = row_at(&text, r, &p, &len); /* changed since checked: not folded, and flagged */
        if (!at && hit)
            hit[r] = 1;
        folded[r] = (uint8_t)(at && search_text(&a, p, len, found + r * a.words, flagged, hit ? hit + r : NULL));
    }
    Py_END_ALLOW_THREADS release_all(&h);
    Py_RETURN_NONE;
fail:
    release_all(&h);
    return NULL;
}

/* --- JSON strings as json.dumps(ensure_ascii=False) writes them (the content fingerprint) --- */

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Whether any of 8 bytes is a quote, a backslash or a control character (below 0x20): the bytes JSON escapes. A
 * word that may hold one is then read byte by byte, so a borrow that flags a byte wrongly only costs time. */
static inline int word_needs_escape(uint64_t w)
{
    uint64_t quote = w ^ (ONES * '"'), backslash = w ^ (ONES * '\\');
    uint64_t zero_q = (quote - ONES) & ~quote, zero_b = (backslash - ONES) & ~backslash;
    uint64_t control = (w - ONES * 0x20) & ~w;
    return ((zero_q | zero_b | control) & HIGHS) != 0;
}

/* Where the first byte JSON escapes lies in p[i:n] (n where there is none): 16 bytes at a time with SSE2, else 8 at
 * a time; a word that may hold one is read byte by byte. */
static inline int64_t plain_until(const uint8_t *p, int64_t i, int64_t n)
{
#if defined(__SSE2__) && defined(__GNUC__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                   _mm_cmpeq_epi8(_mm_max_epu8(v, control), control)); /* v <= 0x1F */
        int mask = _mm_movemask_epi8(hit);
        if (mask)
            return i + __builtin_ctz((unsigned)mask);
    }
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (word_needs_escape(w))
            break;
    }
    for (; i < n; i++) {
        uint8_t c = p[i];
        if (c == '"' || c == '\\' || c < 0x20)
            return i;
    }
    return n;
}

static const char HEX[] = "0123456789abcdef";

/* The escape of byte c ("\\n", "\\u001b"...) into out, its length; 0 for a byte written as it is. */
static int escape_of(uint8_t c, char *out)
{
    char e = c == '"' ? '"' : c == '\\' ? '\\' : c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't' : c == '\b' ? 'b'
             : c == '\f' ? 'f' : 0;
    if (e) {
        out[0] = '\\', out[1] = e;
        return 2;
    }
    if (c < 0x20) {
        memcpy(out, "\\u00", 4);
        out[4] = HEX[c >> 4], out[5] = HEX[c & 15];
        return 6;
    }
    return 0;
}

/* Bytes of the escaped row (quotes around it included); with out, also written there, never past cap bytes. */
static int64_t escape_row(const uint8_t *p, int64_t n, char *out, int64_t cap)
{
    int64_t written = 1, i = 0, run = 0; /* run: where the bytes not yet copied begin */
    char esc[6];
#define PUT(src, len)                                                                                                \
    do {                                                                                                             \
        if (out && written + (int64_t)(len) <= cap)                                                                  \
            memcpy(out + written, (src), (size_t)(len));                                                             \
        written += (len);                                                                                            \
    } while (0)
    if (out && cap > 0)
        out[0] = '"';
    while ((i = plain_until(p, i, n)) < n) {
        int len = escape_of(p[i], esc); /* never 0: plain_until stops only at a byte JSON escapes */
        PUT(p + run, i - run);
        PUT(esc, len);
        run = ++i;
    }
    PUT(p + run, n - run);
    PUT("\"", 1);
#undef PUT
    return written;
}

PyDoc_STRVAR(json_strings_doc,
             "json_strings(offsets, data, wide, first, n, out_offsets) -> bytes\n\n"
             "Each of the n strings as json.dumps(s, ensure_ascii=False) writes it, quotes included, one after the "
             "other; out_offsets (n + 1 int64) receives where each begins. ValueError when the buffers disagree.");

static PyObject *json_strings(PyObject *self, PyObject *args)
{
    PyObject *offsets, *data, *out_obj;
    int wide;
    Py_ssize_t first, n;
    if (!PyArg_ParseTuple(args, "OOpnnO", &offsets, &data, &wide, &first, &n, &out_obj))
        return NULL;
    held h = {.n = 0};
    strings text;
    int64_t *out_starts;
    if (get_strings(&h, offsets, data, wide, first, n, &text, "strings") < 0 ||
        !(out_starts = (int64_t *)sized(&h, out_obj, n + 1, 8, 1, "out_offsets")) || !outputs_apart(&h)) {
        release_all(&h);
        return NULL;
    }
    /* the rows' starts are the call's own (the caller's buffer gets a copy): the writes never go by its values */
    int64_t *starts = malloc((size_t)(n + 1) * sizeof(int64_t)), total = 0;
    if (starts == NULL) {
        release_all(&h);
        return PyErr_NoMemory();
    }
    Py_BEGIN_ALLOW_THREADS for (Py_ssize_t r = 0; r < n; r++)
    {
        const uint8_t *p;
        int64_t len;
        starts[r] = total;
        if (row_at(&text, r, &p, &len))
            total += escape_row(p, len, NULL, 0);
    }
    starts[n] = total;
    Py_END_ALLOW_THREADS PyObject *out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)total);
    int same = 1;
    if (out != NULL) {
        char *buf = PyBytes_AS_STRING(out);
        Py_BEGIN_ALLOW_THREADS for (Py_ssize_t r = 0; r < n; r++)
        {
            const uint8_t *p;
            int64_t len, cap = starts[r + 1] - starts[r];
            same &= row_at(&text, r, &p, &len) && escape_row(p, len, buf + starts[r], cap) == cap;
        }
        Py_END_ALLOW_THREADS
    }
    if (out != NULL && !same) { /* the input changed under the call: its first pass no longer describes it */
        Py_CLEAR(out);
        PyErr_SetString(PyExc_ValueError, "strings: the buffers changed during the call");
    }
    if (out != NULL)
        memcpy(out_starts, starts, (size_t)(n + 1) * sizeof(int64_t));
    free(starts);
    release_all(&h);
    return out;
}

/* Occurrences of needle in hay, overlapping ones included (each start counted), as len(derive.occurrences()) counts
 * code points: a needle of whole UTF-8 sequences starts only where a code point starts. -1 for an empty needle.
 * memchr looks for the needle's byte that is rarest in the texts (freq: a sample's byte counts): in Arabic text
 * the bytes of the commonest letters (the alef and lam of "ال" that so many names begin with) stop it every few
 * bytes. Every occurrence holds that byte at one place, so each is counted once whichever byte is chosen. */
static int64_t count_occurrences(const uint8_t *hay, int64_t n, const uint8_t *needle, int64_t m,
                                 const uint32_t *freq)
{
    if (m == 0)
        return -1;
    int64_t k = 0;
    for (int64_t j = 1; j < m; j++) {
        if (freq[needle[j]] < freq[needle[k]])
            k = j;
    }
    int64_t count = 0, i = k; /* i: where the searched byte may be (the needle then starts at i - k) */
    while (i + (m - k) <= n) {
        const uint8_t *hit = memchr(hay + i, needle[k], (size_t)(n - (m - k) - i + 1));
        if (hit == NULL)
            break;
        i = hit - hay;
        if (memcmp(hit - k, needle, (size_t)m) == 0)
            count++;
        i++;
    }
    return count;
}

/* How often each byte value occurs in the first SAMPLE_BYTES of a buffer. */
#define SAMPLE_BYTES (1 << 20)
static void byte_counts(const uint8_t *data, int64_t len, uint32_t *freq)
{
    memset(freq, 0, 256 * sizeof(uint32_t));
    for (int64_t i = 0; i < len && i < SAMPLE_BYTES; i++)
        freq[data[i]]++;
}

PyDoc_STRVAR(count_in_rows_doc,
             "count_in_rows(offsets, data, wide, first, n, rows, n_offsets, n_data, n_wide, n_first, n_count, counts)\n\n"
             "For each needle q (a string of the second array), how many times it occurs in string rows[q] of the "
             "first (overlapping occurrences included; -1 for an empty needle) into counts (int64). ValueError "
             "when the buffers disagree or a row is out of range.");

static PyObject *count_in_rows(PyObject *self, PyObject *args)
{
    PyObject *offsets, *data, *rows_obj, *n_offsets, *n_data, *counts_obj;
    int wide, n_wide;
    Py_ssize_t first, n, n_first, n_count;
    if (!PyArg_ParseTuple(args, "OOpnnOOOpnnO", &offsets, &data, &wide, &first, &n, &rows_obj, &n_offsets, &n_data,
                          &n_wide, &n_first, &n_count, &counts_obj))
        return NULL;
    held h = {.n = 0};
    strings text, needles;
    const int64_t *rows;
    int64_t *counts;
    if (get_strings(&h, offsets, data, wide, first, n, &text, "texts") < 0 ||
        get_strings(&h, n_offsets, n_data, n_wide, n_first, n_count, &needles, "needles") < 0 ||
        !(rows = int64s(&h, rows_obj, n_count, 0, "rows")) ||
        !(counts = (int64_t *)int64s(&h, counts_obj, n_count, 1, "counts")) || !outputs_apart(&h)) {
        release_all(&h);
        return NULL;
    }
    for (Py_ssize_t q = 0; q < n_count; q++) {
        if (rows[q] < 0 || rows[q] >= n) {
            PyErr_Format(PyExc_ValueError, "rows: %lld is not a row of the %zd texts", (long long)rows[q], n);
            release_all(&h);
            return NULL;
        }
    }
    uint32_t freq[256];
    Py_BEGIN_ALLOW_THREADS byte_counts(text.data, text.data_len, freq);
    for (Py_ssize_t q = 0; q < n_count; q++) {
        int64_t r = rows[q], hay_n, needle_n;
        const uint8_t *hay, *needle;
        if (r < 0 || r >= n || !row_at(&text, r, &hay, &hay_n) || !row_at(&needles, q, &needle, &needle_n))
            counts[q] = -1; /* changed since it was checked: no count (the caller's check then runs) */
        else
            counts[q] = count_occurrences(hay, hay_n, needle, needle_n, freq);
    }
    Py_END_ALLOW_THREADS release_all(&h);
    Py_RETURN_NONE;
}

/* Whether p[0:n] is well-formed UTF-8 (decode_utf8's rules: no overlong forms, surrogates or values past U+10FFFF).
 * With SSE2, 16 bytes at a time while they hold only ASCII and two-byte sequences (Arabic text): there a
 * continuation byte must follow each lead byte (C2..DF) and follow nothing else; any other byte is decoded. */
static int utf8_valid(const uint8_t *p, int64_t n)
{
    int64_t i = 0;
    while (i < n) {
#if defined(__SSE2__) && defined(__GNUC__)
        const __m128i c0 = _mm_set1_epi8((char)0xC0), x80 = _mm_set1_epi8((char)0x80);
        const __m128i lo2 = _mm_set1_epi8((char)0xC2), hi2 = _mm_set1_epi8((char)0xDF);
        unsigned carry = 0; /* 1: the block before ended on a lead byte */
        for (; i + 16 <= n; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
            unsigned high = (unsigned)_mm_movemask_epi8(v);
            if (!high && !carry)
                continue;
            unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, c0), x80));
            unsigned lead = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, lo2), v),
                                                                      _mm_cmpeq_epi8(_mm_min_epu8(v, hi2), v)));
            if ((high & ~cont & ~lead) || cont != (((lead << 1) | carry) & 0xFFFF))
                break; /* another kind of byte, or a misplaced one: this block is decoded one by one */
            carry = lead >> 15;
        }
        if (carry) /* the last block checked ended on a lead byte: decoding starts at that sequence */
            i--;
#endif
        int64_t stop = n - i > 16 ? i + 16 : n; /* past the block that stopped the fast loop, then back to it */
        while (i < stop) {
            uint32_t cp;
            int len = next_code_point(p + i, n - i, &cp);
            if (len == 0)
                return 0;
            i += len;
        }
    }
    return 1;
}

PyDoc_STRVAR(utf8_rows_doc,
             "utf8_rows(offsets, data, wide, first, n) -> bool\n\n"
             "Whether each of the n strings lies in the data buffer, after the one before it, and is well-formed "
             "UTF-8. ValueError when the buffers disagree.");

static PyObject *utf8_rows(PyObject *self, PyObject *args)
{
    PyObject *offsets, *data;
    int wide;
    Py_ssize_t first, n;
    if (!PyArg_ParseTuple(args, "OOpnn", &offsets, &data, &wide, &first, &n))
        return NULL;
    held h = {.n = 0};
    strings text;
    if (get_strings(&h, offsets, data, wide, first, n, &text, "strings") < 0) {
        release_all(&h);
        return NULL;
    }
    int ok = 1;
    Py_BEGIN_ALLOW_THREADS for (Py_ssize_t r = 0; r < n && ok; r++)
    {
        const uint8_t *p;
        int64_t len;
        ok = row_at(&text, r, &p, &len) && utf8_valid(p, len);
    }
    Py_END_ALLOW_THREADS release_all(&h);
    return PyBool_FromLong(ok);
}

PyDoc_STRVAR(chars_in_doc,
             "chars_in(offsets, data, wide, first, n, flagged, hit)\n\n"
             "hit[i] = 1 where string i holds a code point whose bit is set in flagged (8192 bytes: one bit per "
             "code point of the Basic Multilingual Plane, bit c % 8 of byte c // 8), one beyond that plane, or "
             "bytes that are not UTF-8; else 0. ValueError when the buffers disagree.");

static PyObject *chars_in(PyObject *self, PyObject *args)
{
    PyObject *offsets, *data, *flagged_obj, *hit_obj;
    int wide;
    Py_ssize_t first, n;
    if (!PyArg_ParseTuple(args, "OOpnnOO", &offsets, &data, &wide, &first, &n, &flagged_obj, &hit_obj))
        return NULL;
    held h = {.n = 0};
    strings text;
    const uint8_t *flagged;
    uint8_t *hit;
    if (get_strings(&h, offsets, data, wide, first, n, &text, "texts") < 0 ||
        !(flagged = sized(&h, flagged_obj, FOLD_UNITS / 8, 1, 0, "flagged")) ||
        !(hit = (uint8_t *)sized(&h, hit_obj, n, 1, 1, "hit")) || !outputs_apart(&h)) {
        release_all(&h);
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS for (Py_ssize_t r = 0; r < n; r++)
    {
        const uint8_t *p;
        int64_t i = 0, end = 0;
        uint8_t found = !row_at(&text, r, &p, &end); /* changed since checked: flagged, Python looks */
        while (i < end && !found) {
            uint32_t cp;
            int len = next_code_point(p + i, end - i, &cp);
            found = len == 0 || cp >= FOLD_UNITS || (flagged[cp >> 3] >> (cp & 7)) & 1;
            i += len;
        }
        hit[r] = found;
    }
    Py_END_ALLOW_THREADS release_all(&h);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"chars_in", chars_in, METH_VARARGS, chars_in_doc},
    {"utf8_rows", utf8_rows, METH_VARARGS, utf8_rows_doc},
    {"json_strings", json_strings, METH_VARARGS, json_strings_doc},
    {"count_in_rows", count_in_rows, METH_VARARGS, count_in_rows_doc},
    {"text_pass", text_pass, METH_VARARGS, text_pass_doc},
    {"patterns_found", patterns_found, METH_VARARGS, patterns_found_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_textkernel", "The compiled pass over the texts (see corpus_ds.textkernel).", -1,
    methods,
};

PyMODINIT_FUNC PyInit__textkernel(void)
{
    return PyModule_Create(&module);
}
