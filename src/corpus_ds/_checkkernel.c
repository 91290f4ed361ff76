/* Compiled "valid or not" passes over integer-coded columns of a release's tables, for the rules whose vectorised
 * form costs most (see corpus_ds.checkkernel). Each pass answers only whether the rows break none of the rule's
 * conditions; where it says no, the rule itself runs and reports exactly what it finds, so a pass never decides
 * what a report says, only whether the rule needs to run.
 *
 * The columns come from files a stranger may have written: every buffer's length is checked against the count the
 * caller declares, and every value used as an index is checked against the range it indexes before it is used; a
 * value out of range makes the pass answer "not valid" (never a read outside a buffer). The loops run without the
 * GIL. Portable C99: no intrinsics, no -march. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_HELD 64
#define MAX_LABELS 16
#define MAX_NAME 200
/* Rows per article beyond which a pass leaves the article to its rule: the passes compare an article's rows pair by
 * pair (a few actors, dozens of mentions), and a hostile file must not make that quadratic in a huge article. */
#define MAX_PER_ARTICLE 256

typedef struct {
    Py_buffer views[MAX_HELD];
    int n;
} held;

static void release_all(held *h)
{
    for (int i = 0; i < h->n; i++)
        PyBuffer_Release(&h->views[i]);
    h->n = 0;
}

/* How every entry point ends: the buffers that did not fit are released and the error raised; otherwise the pass
 * runs without the GIL and answers. */
static PyObject *answer(held *h, int fits, int (*pass)(const void *), const void *columns)
{
    if (!fits) {
        release_all(h);
        return NULL;
    }
    int ok;
    Py_BEGIN_ALLOW_THREADS ok = pass(columns);
    Py_END_ALLOW_THREADS release_all(h);
    if (ok < 0) /* a pass that allocates: no memory */
        return PyErr_NoMemory();
    return PyBool_FromLong(ok);
}

/* Counts of parents whose row ranges take count + 1 offsets: small enough that count + 1 int64s fit memory. */
static int parent_counts(Py_ssize_t a, Py_ssize_t b)
{
    if (a < 0 || a >= PY_SSIZE_T_MAX / 8 || b < 0 || b >= PY_SSIZE_T_MAX / 8) {
        PyErr_SetString(PyExc_ValueError, "counts: expected row counts");
        return 0;
    }
    return 1;
}

/* A contiguous buffer of exactly n int64 values. */
static const int64_t *int64s(held *h, PyObject *obj, Py_ssize_t n, const char *what)
{
    if (h->n >= MAX_HELD) {
        PyErr_SetString(PyExc_ValueError, "too many buffers");
        return NULL;
    }
    Py_buffer *view = &h->views[h->n];
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "%s: expected a contiguous buffer", what);
        return NULL;
    }
    h->n++;
    if (n < 0 || n > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(int64_t) || view->len != n * (Py_ssize_t)sizeof(int64_t)) {
        PyErr_Format(PyExc_ValueError, "%s: expected %zd int64 values", what, n);
        return NULL;
    }
    return view->buf;
}

typedef struct {
    const uint8_t *data;
    Py_ssize_t data_len;
    const void *offsets; /* int32 or int64, already shifted to the array's first row */
    int wide;            /* 1: int64 offsets */
    Py_ssize_t n;        /* rows */
} strings;

static inline int64_t offset_at(const strings *s, Py_ssize_t i)
{
    return s->wide ? ((const int64_t *)s->offsets)[i] : (int64_t)((const int32_t *)s->offsets)[i];
}

/* A string array from (offsets, data, wide, first, n): offsets[first : first + n + 1] lie in the offsets buffer,
 * never decrease and never point outside the data. */
static int get_strings(held *h, PyObject *arg, strings *out, const char *what)
{
    PyObject *offsets, *data;
    int wide;
    Py_ssize_t first, n;
    if (!PyArg_ParseTuple(arg, "OOpnn", &offsets, &data, &wide, &first, &n))
        return -1;
    if (h->n + 2 > MAX_HELD) {
        PyErr_SetString(PyExc_ValueError, "too many buffers");
        return -1;
    }
    Py_buffer *ov = &h->views[h->n], *dv = &h->views[h->n + 1];
    if (PyObject_GetBuffer(offsets, ov, PyBUF_C_CONTIGUOUS) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "%s: expected a contiguous offsets buffer", what);
        return -1;
    }
    h->n++;
    if (PyObject_GetBuffer(data, dv, PyBUF_C_CONTIGUOUS) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "%s: expected a contiguous data buffer", what);
        return -1;
    }
    h->n++;
    Py_ssize_t width = wide ? 8 : 4;
    /* n + 1 <= len - first, written so that no sum can overflow */
    if (first < 0 || n < 0 || first > ov->len / width || n >= ov->len / width - first) {
        PyErr_Format(PyExc_ValueError, "%s: %zd rows from row %zd do not fit the offsets buffer", what, n, first);
        return -1;
    }
    *out = (strings){dv->buf, dv->len, (const char *)ov->buf + first * width, wide, n};
    for (Py_ssize_t i = 0; i <= n; i++) {
        int64_t at = offset_at(out, i);
        if (at < 0 || at > dv->len || (i && at < offset_at(out, i - 1))) {
            PyErr_Format(PyExc_ValueError, "%s: offsets outside the data or decreasing", what);
            return -1;
        }
    }
    return 0;
}

static int same_string(const strings *a, Py_ssize_t i, const strings *b, Py_ssize_t j)
{
    int64_t a0 = offset_at(a, i), a1 = offset_at(a, i + 1), b0 = offset_at(b, j), b1 = offset_at(b, j + 1);
    return a1 - a0 == b1 - b0 && memcmp(a->data + a0, b->data + b0, (size_t)(a1 - a0)) == 0;
}

typedef struct {
    Py_ssize_t n_articles, n_dyads, n_registry, n_parts, n_types, n_codes;
    const int64_t *dyad_starts;   /* n_articles + 1: the article's dyads are rows [start, next start) */
    const int64_t *event_type;    /* n_articles: index in the event types, -1 unknown */
    const int64_t *cameo;         /* n_articles: index of cameo_code in the dyad codes, -1 unknown */
    const int64_t *signed_;       /* n_articles: 1 where a signed instrument was concluded at the event */
    const int64_t *place;         /* n_articles: country index of the place, -1 none, -2 a country no actor has */
    const int64_t *code;          /* n_dyads: index in the dyad codes, -1 unknown */
    const int64_t *source;        /* n_dyads: registry row of the source, -1 absent */
    const int64_t *target;        /* n_dyads: registry row of the target, -1 absent */
    const int64_t *country;       /* n_registry: country index of each actor, -1 none */
    const int64_t *part_starts;   /* n_articles + 1: the article's participants are [start, next start) */
    const int64_t *participant;   /* n_parts: registry row of each labelled participant, -1 absent */
    const int64_t *allowed;       /* n_types * n_codes: 1 where an event type allows a code */
    const int64_t *required;      /* n_types: the code each event type needs */
    const int64_t *reciprocal;    /* n_codes: 1 for a code whose reverse dyad must be there too */
    int64_t visit_to, visit_from, visit_third, signing; /* the codes 042, 043, 044 and 057 */
} dyad_columns;

/* Row ranges: non-decreasing from 0 to the row count. */
static int ranges_ok(const int64_t *starts, Py_ssize_t n, Py_ssize_t rows)
{
    if (starts[0] != 0 || starts[n] != rows)
        return 0;
    for (Py_ssize_t i = 0; i < n; i++)
        if (starts[i + 1] < starts[i])
            return 0;
    return 1;
}

static int is_participant(const dyad_columns *c, Py_ssize_t article, int64_t actor)
{
    for (int64_t k = c->part_starts[article]; k < c->part_starts[article + 1]; k++)
        if (c->participant[k] == actor)
            return 1;
    return 0;
}

static int has_reverse(const dyad_columns *c, int64_t lo, int64_t hi, int64_t j)
{
    for (int64_t k = lo; k < hi; k++)
        if (c->source[k] == c->target[j] && c->target[k] == c->source[j] && c->code[k] == c->code[j])
            return 1;
    return 0;
}

/* 042 goes from a visitor to the place's country, 043 from it, 044 involves neither side's country. */
static int direction_ok(const dyad_columns *c, int64_t place, int64_t code, int64_t src_country,
                        int64_t tgt_country)
{
    if (place == -1 || src_country < 0 || tgt_country < 0)
        return 1; /* nothing to compare */
    int src_home = src_country == place, tgt_home = tgt_country == place;
    if (code == c->visit_to)
        return !src_home && tgt_home;
    if (code == c->visit_from)
        return src_home && !tgt_home;
    if (code == c->visit_third)
        return !src_home && !tgt_home;
    return 1;
}

static int dyad_ok(const dyad_columns *c, Py_ssize_t i, int64_t t, int64_t lo, int64_t hi, int64_t j)
{
    int64_t code = c->code[j], s = c->source[j], g = c->target[j];
    if (code < 0 || code >= c->n_codes || !c->allowed[t * c->n_codes + code])
        return 0;
    if (s < 0 || s >= c->n_registry || g < 0 || g >= c->n_registry || s == g)
        return 0;
    if (!is_participant(c, i, s) || !is_participant(c, i, g))
        return 0;
    if (code == c->signing && !c->signed_[i])
        return 0;
    if (c->reciprocal[code] && !has_reverse(c, lo, hi, j))
        return 0;
    return direction_ok(c, c->place[i], code, c->country[s], c->country[g]);
}

static int dyads_pass(const void *columns)
{
    const dyad_columns *c = columns;
    if (!ranges_ok(c->dyad_starts, c->n_articles, c->n_dyads) ||
        !ranges_ok(c->part_starts, c->n_articles, c->n_parts))
        return 0;
    for (Py_ssize_t r = 0; r < c->n_registry; r++)
        if (c->country[r] < -1)
            return 0;
    for (Py_ssize_t i = 0; i < c->n_articles; i++) {
        int64_t lo = c->dyad_starts[i], hi = c->dyad_starts[i + 1], t = c->event_type[i];
        if (lo == hi || t < 0 || t >= c->n_types || c->place[i] < -2 || hi - lo > MAX_PER_ARTICLE ||
            c->part_starts[i + 1] - c->part_starts[i] > MAX_PER_ARTICLE)
            return 0;
        int has_required = 0, has_cameo = 0;
        for (int64_t j = lo; j < hi; j++) {
            if (!dyad_ok(c, i, t, lo, hi, j))
                return 0;
            has_required |= c->code[j] == c->required[t];
            has_cameo |= c->code[j] == c->cameo[i];
        }
        if (!has_required || !has_cameo)
            return 0;
    }
    return 1;
}

PyDoc_STRVAR(dyads_valid_doc,
             "dyads_valid(counts, arrays, codes) -> bool\n\n"
             "counts: (articles, dyads, registry rows, participants, event types, dyad codes); arrays: the int64 "
             "buffers of corpus_ds.checkkernel.dyads_valid, in its order; codes: (042, 043, 044, 057) as indexes. "
             "True when no dyad breaks rule_dyads; ValueError when a buffer's length is not the declared one.");

static PyObject *dyads_valid(PyObject *self, PyObject *args)
{
    dyad_columns c;
    PyObject *a[14];
    if (!PyArg_ParseTuple(args, "(nnnnnn)(OOOOOOOOOOOOOO)(LLLL)", &c.n_articles, &c.n_dyads, &c.n_registry,
                          &c.n_parts, &c.n_types, &c.n_codes, &a[0], &a[1], &a[2], &a[3], &a[4], &a[5], &a[6],
                          &a[7], &a[8], &a[9], &a[10], &a[11], &a[12], &a[13], &c.visit_to, &c.visit_from,
                          &c.visit_third, &c.signing))
        return NULL;
    if (c.n_types < 0 || c.n_codes < 0 || c.n_types > 1024 || c.n_codes > 1024) {
        PyErr_SetString(PyExc_ValueError, "vocabularies: expected at most 1024 values each");
        return NULL;
    }
    if (!parent_counts(c.n_articles, 0))
        return NULL;
    held h = {.n = 0};
    Py_ssize_t na = c.n_articles;
    int fits = (c.dyad_starts = int64s(&h, a[0], na + 1, "dyad starts")) &&
               (c.event_type = int64s(&h, a[1], na, "event types")) && (c.cameo = int64s(&h, a[2], na, "cameo codes")) &&
               (c.signed_ = int64s(&h, a[3], na, "signed")) && (c.place = int64s(&h, a[4], na, "places")) &&
               (c.code = int64s(&h, a[5], c.n_dyads, "codes")) && (c.source = int64s(&h, a[6], c.n_dyads, "sources")) &&
               (c.target = int64s(&h, a[7], c.n_dyads, "targets")) &&
               (c.country = int64s(&h, a[8], c.n_registry, "countries")) &&
               (c.part_starts = int64s(&h, a[9], na + 1, "participant starts")) &&
               (c.participant = int64s(&h, a[10], c.n_parts, "participants")) &&
               (c.allowed = int64s(&h, a[11], c.n_types * c.n_codes, "allowed codes")) &&
               (c.required = int64s(&h, a[12], c.n_types, "required codes")) &&
               (c.reciprocal = int64s(&h, a[13], c.n_codes, "reciprocal codes"));
    return answer(&h, fits, dyads_pass, &c);
}

typedef struct {
    Py_ssize_t n_articles, n_mentions, n_labels, n_surfaces;
    const int64_t *mention_starts; /* n_articles + 1: the article's mentions are [start, next start) */
    const int64_t *start, *end;    /* n_mentions: code point offsets, -1 none */
    strings actor, role, surface;  /* n_mentions */
    const int64_t *label_starts;   /* n_articles + 1: the article's labelled actors are [start, next start) */
    strings label_actor, label_role; /* n_labels */
    const int64_t *surface_starts; /* n_labels + 1: a labelled actor's surfaces are [start, next start) */
    strings surfaces;              /* n_surfaces */
} mention_columns;

/* The mention is a labelled surface of a labelled actor of its article, in its role (the same bytes). */
static int labelled(const mention_columns *c, Py_ssize_t i, Py_ssize_t k)
{
    for (int64_t e = c->label_starts[i]; e < c->label_starts[i + 1]; e++) {
        if (!same_string(&c->actor, k, &c->label_actor, e) || !same_string(&c->role, k, &c->label_role, e))
            continue;
        for (int64_t s = c->surface_starts[e]; s < c->surface_starts[e + 1]; s++)
            if (same_string(&c->surface, k, &c->surfaces, s))
                return 1;
    }
    return 0;
}

static int mentions_pass(const void *columns)
{
    const mention_columns *c = columns;
    if (!ranges_ok(c->mention_starts, c->n_articles, c->n_mentions) ||
        !ranges_ok(c->label_starts, c->n_articles, c->n_labels) ||
        !ranges_ok(c->surface_starts, c->n_labels, c->n_surfaces))
        return 0;
    for (Py_ssize_t i = 0; i < c->n_articles; i++) {
        int64_t lo = c->label_starts[i], hi = c->label_starts[i + 1];
        if (hi - lo > MAX_PER_ARTICLE || c->surface_starts[hi] - c->surface_starts[lo] > MAX_PER_ARTICLE)
            return 0;
        for (int64_t k = c->mention_starts[i]; k < c->mention_starts[i + 1]; k++) {
            if (!labelled(c, i, k))
                return 0;
            /* in order of their starts, each ending before the next begins (else the rule sorts and decides) */
            if (k > c->mention_starts[i] && (c->start[k] < c->start[k - 1] || c->start[k] < c->end[k - 1]))
                return 0;
        }
    }
    return 1;
}

PyDoc_STRVAR(mentions_valid_doc,
             "mentions_valid(counts, arrays, strings) -> bool\n\n"
             "counts: (articles, mentions, labelled actors, labelled surfaces); arrays: the int64 buffers of "
             "corpus_ds.checkkernel.mentions_valid, in its order; strings: (offsets, data, wide, first, n) of the "
             "mentions' actor ids, roles and surfaces, and of the labelled actor ids, roles and surfaces. True when "
             "no mention breaks rule_mentions_table; ValueError when a buffer does not fit its declared length.");

static PyObject *mentions_valid(PyObject *self, PyObject *args)
{
    mention_columns c;
    PyObject *a[5], *t[6];
    if (!PyArg_ParseTuple(args, "(nnnn)(OOOOO)(OOOOOO)", &c.n_articles, &c.n_mentions, &c.n_labels, &c.n_surfaces,
                          &a[0], &a[1], &a[2], &a[3], &a[4], &t[0], &t[1], &t[2], &t[3], &t[4], &t[5]))
        return NULL;
    if (!parent_counts(c.n_articles, c.n_labels))
        return NULL;
    held h = {.n = 0};
    Py_ssize_t na = c.n_articles, nm = c.n_mentions;
    int fits = (c.mention_starts = int64s(&h, a[0], na + 1, "mention starts")) &&
               (c.start = int64s(&h, a[1], nm, "starts")) && (c.end = int64s(&h, a[2], nm, "ends")) &&
               (c.label_starts = int64s(&h, a[3], na + 1, "label starts")) &&
               (c.surface_starts = int64s(&h, a[4], c.n_labels + 1, "surface starts")) &&
               get_strings(&h, t[0], &c.actor, "actor ids") == 0 && get_strings(&h, t[1], &c.role, "roles") == 0 &&
               get_strings(&h, t[2], &c.surface, "surfaces") == 0 &&
               get_strings(&h, t[3], &c.label_actor, "labelled actor ids") == 0 &&
               get_strings(&h, t[4], &c.label_role, "labelled roles") == 0 &&
               get_strings(&h, t[5], &c.surfaces, "labelled surfaces") == 0;
    if (fits && (c.actor.n != nm || c.role.n != nm || c.surface.n != nm || c.label_actor.n != c.n_labels ||
                 c.label_role.n != c.n_labels || c.surfaces.n != c.n_surfaces)) {
        PyErr_SetString(PyExc_ValueError, "strings: expected as many as the counts declare");
        fits = 0;
    }
    return answer(&h, fits, mentions_pass, &c);
}

typedef struct {
    char name[MAX_NAME + 1];
    Py_ssize_t name_len;
    int many, compared;   /* a list label (rows name[0], name[1], ...); its quote is compared */
    const int64_t *spans; /* many: n_articles + 1 ranges of items; otherwise n_articles flags: present */
    strings value, quote; /* per item (many) or per article; quote only where compared */
} evidence_label;

typedef struct {
    Py_ssize_t n_articles, n_rows;
    const int64_t *row_starts; /* n_articles + 1: the article's evidence rows are [start, next start) */
    strings label, value, quote;
    const int64_t *quote_valid; /* n_rows: 1 where the row has a quote */
    int n_labels;
    evidence_label labels[MAX_LABELS];
} evidence_columns;

/* The label of evidence row k is L's name, and for a list label its item's position: "name[pos]", the position
 * written as Python writes an integer (no sign, no leading zero). */
static int label_is(const evidence_columns *c, const evidence_label *L, int64_t k, int64_t pos)
{
    int64_t a = offset_at(&c->label, k), n = offset_at(&c->label, k + 1) - a;
    const uint8_t *p = c->label.data + a;
    if (n < L->name_len || memcmp(p, L->name, (size_t)L->name_len) != 0)
        return 0;
    if (!L->many)
        return n == L->name_len;
    int64_t digits = n - L->name_len - 2;
    if (digits < 1 || digits > 18 || p[L->name_len] != '[' || p[n - 1] != ']' || (digits > 1 && p[L->name_len + 1] == '0'))
        return 0;
    int64_t value = 0;
    for (int64_t d = L->name_len + 1; d < n - 1; d++) {
        if (p[d] < '0' || p[d] > '9')
            return 0;
        value = value * 10 + (p[d] - '0');
    }
    return value == pos;
}

/* The evidence row k is item (or article) j of label L, with its label, value and (where compared) quote. */
static int evidence_row_ok(const evidence_columns *c, const evidence_label *L, int64_t k, int64_t j, int64_t pos)
{
    if (!label_is(c, L, k, pos) || !same_string(&c->value, k, &L->value, j))
        return 0;
    return !L->compared || (c->quote_valid[k] && same_string(&c->quote, k, &L->quote, j));
}

static int evidence_pass(const void *columns)
{
    const evidence_columns *c = columns;
    if (!ranges_ok(c->row_starts, c->n_articles, c->n_rows))
        return 0;
    for (int l = 0; l < c->n_labels; l++) {
        const evidence_label *L = &c->labels[l];
        if (L->many && !ranges_ok(L->spans, c->n_articles, L->value.n))
            return 0;
    }
    for (Py_ssize_t i = 0; i < c->n_articles; i++) {
        int64_t k = c->row_starts[i], end = c->row_starts[i + 1];
        for (int l = 0; l < c->n_labels; l++) {
            const evidence_label *L = &c->labels[l];
            int64_t lo = L->many ? L->spans[i] : i, hi = L->many ? L->spans[i + 1] : i + (L->spans[i] != 0);
            for (int64_t j = lo; j < hi; j++, k++)
                if (k >= end || !evidence_row_ok(c, L, k, j, j - lo))
                    return 0;
        }
        if (k != end)
            return 0;
    }
    return 1;
}

static int get_label(held *h, PyObject *item, Py_ssize_t n_articles, evidence_label *L)
{
    const char *name;
    Py_ssize_t name_len;
    PyObject *spans, *value, *quote;
    if (!PyArg_ParseTuple(item, "s#ppOOO", &name, &name_len, &L->many, &L->compared, &spans, &value, &quote))
        return -1;
    if (name_len > MAX_NAME || (Py_ssize_t)strlen(name) != name_len) {
        PyErr_SetString(PyExc_ValueError, "label: expected a short name");
        return -1;
    }
    memcpy(L->name, name, (size_t)name_len + 1);
    L->name_len = name_len;
    if (get_strings(h, value, &L->value, "label values") < 0)
        return -1;
    L->quote = (strings){NULL, 0, NULL, 0, 0};
    if (L->compared && get_strings(h, quote, &L->quote, "label quotes") < 0)
        return -1;
    Py_ssize_t items = L->many ? L->value.n : n_articles;
    if ((!L->many && L->value.n != n_articles) || (L->compared && L->quote.n != items)) {
        PyErr_SetString(PyExc_ValueError, "label: values and quotes expected one per item or article");
        return -1;
    }
    return (L->spans = int64s(h, spans, L->many ? n_articles + 1 : n_articles, "label spans")) ? 0 : -1;
}

PyDoc_STRVAR(evidence_valid_doc,
             "evidence_valid(counts, row_starts, rows, quote_valid, labels) -> bool\n\n"
             "counts: (articles, evidence rows); row_starts: int64, each article's first row; rows: the strings "
             "(offsets, data, wide, first, n) of the evidence rows' labels, values and quotes; quote_valid: int64 per "
             "row; labels: (name, many, compared, spans, values, quotes) in the declarations' order. True when every "
             "article's evidence rows are those its articles row implies, in the build's order.");

static PyObject *evidence_valid(PyObject *self, PyObject *args)
{
    evidence_columns c;
    PyObject *starts, *label, *value, *quote, *valid, *labels;
    if (!PyArg_ParseTuple(args, "(nn)O(OOO)OO", &c.n_articles, &c.n_rows, &starts, &label, &value, &quote, &valid,
                          &labels))
        return NULL;
    if (!parent_counts(c.n_articles, 0))
        return NULL;
    PyObject *seq = PySequence_Fast(labels, "labels: expected a sequence");
    if (seq == NULL)
        return NULL;
    c.n_labels = (int)PySequence_Fast_GET_SIZE(seq);
    held h = {.n = 0};
    int fits = c.n_labels <= MAX_LABELS && (c.row_starts = int64s(&h, starts, c.n_articles + 1, "row starts")) &&
               get_strings(&h, label, &c.label, "labels") == 0 && get_strings(&h, value, &c.value, "values") == 0 &&
               get_strings(&h, quote, &c.quote, "quotes") == 0 &&
               (c.quote_valid = int64s(&h, valid, c.n_rows, "quote validity"));
    for (int l = 0; fits && l < c.n_labels; l++)
        fits = get_label(&h, PySequence_Fast_GET_ITEM(seq, l), c.n_articles, &c.labels[l]) == 0;
    if (fits && (c.label.n != c.n_rows || c.value.n != c.n_rows || c.quote.n != c.n_rows)) {
        PyErr_SetString(PyExc_ValueError, "rows: expected as many as the counts declare");
        fits = 0;
    }
    if (!fits && !PyErr_Occurred())
        PyErr_SetString(PyExc_ValueError, "labels: at most 16");
    PyObject *answered = answer(&h, fits, evidence_pass, &c);
    Py_DECREF(seq);
    return answered;
}

enum { IN_TEXT, IN_TITLE, IN_RAW };

typedef struct {
    Py_ssize_t n_articles, n_rows, n_removals;
    const int64_t *article, *start, *end; /* n_rows: the row's article, its code point offsets (-1 none) */
    const int64_t *location;              /* n_rows: IN_TEXT, IN_TITLE, IN_RAW, or another place (never found) */
    const int64_t *found;                 /* n_rows: 1 where the text or title pass found the quote */
    strings quote;                        /* n_rows */
    const int64_t *removal_starts;        /* n_articles + 1: the article's removed lines are [start, next start) */
    strings removed;                      /* n_removals: the removed lines' contents */
} offset_columns;

#define LOW 0x0101010101010101ULL

/* Code points of a UTF-8 string as Arrow's utf8_length counts them: the bytes that are no continuation byte
 * (10xxxxxx), eight bytes at a time. */
static int64_t code_points(const strings *s, Py_ssize_t i)
{
    int64_t a = offset_at(s, i), b = offset_at(s, i + 1), continuation = 0;
    const uint8_t *p = s->data;
    for (; a + 8 <= b; a += 8) {
        uint64_t w;
        memcpy(&w, p + a, 8);
        continuation += (int64_t)(((((w >> 7) & ~(w >> 6)) & LOW) * LOW) >> 56);
    }
    for (; a < b; a++)
        continuation += (p[a] & 0xC0) == 0x80;
    return offset_at(s, i + 1) - offset_at(s, i) - continuation;
}

static int is_removed_line(const offset_columns *c, int64_t article, Py_ssize_t r)
{
    if (c->removal_starts[article + 1] - c->removal_starts[article] > MAX_PER_ARTICLE)
        return 0;
    for (int64_t j = c->removal_starts[article]; j < c->removal_starts[article + 1]; j++)
        if (same_string(&c->quote, r, &c->removed, j))
            return 1;
    return 0;
}

static int offsets_pass(const void *columns)
{
    const offset_columns *c = columns;
    if (!ranges_ok(c->removal_starts, c->n_articles, c->n_removals))
        return 0;
    for (Py_ssize_t r = 0; r < c->n_rows; r++) {
        int64_t a = c->article[r], length = code_points(&c->quote, r);
        /* start first, so that end - start cannot overflow */
        if (a < 0 || a >= c->n_articles || c->start[r] < 0 || c->end[r] < c->start[r] ||
            c->end[r] - c->start[r] != length)
            return 0;
        if (length == 0)
            continue; /* an empty quote is at any offset */
        if (c->location[r] == IN_RAW ? !is_removed_line(c, a, r)
                                     : (c->location[r] != IN_TEXT && c->location[r] != IN_TITLE) || !c->found[r])
            return 0;
    }
    return 1;
}

PyDoc_STRVAR(offsets_valid_doc,
             "offsets_valid(counts, arrays, quotes, removed) -> bool\n\n"
             "counts: (articles, rows, removed lines); arrays: the int64 buffers of corpus_ds.checkkernel's "
             "offsets pass, in its order; quotes and removed: (offsets, data, wide, first, n) of the rows' quotes "
             "and of the removed lines. True when every quote has the length its offsets give and is where its "
             "location says (text and title: found by the text pass; raw: one of its article's removed lines).");

static PyObject *offsets_valid(PyObject *self, PyObject *args)
{
    offset_columns c;
    PyObject *a[6], *quotes, *removed;
    if (!PyArg_ParseTuple(args, "(nnn)(OOOOOO)OO", &c.n_articles, &c.n_rows, &c.n_removals, &a[0], &a[1], &a[2],
                          &a[3], &a[4], &a[5], &quotes, &removed))
        return NULL;
    if (!parent_counts(c.n_articles, 0))
        return NULL;
    held h = {.n = 0};
    int fits = (c.article = int64s(&h, a[0], c.n_rows, "articles")) &&
               (c.start = int64s(&h, a[1], c.n_rows, "starts")) && (c.end = int64s(&h, a[2], c.n_rows, "ends")) &&
               (c.location = int64s(&h, a[3], c.n_rows, "locations")) &&
               (c.found = int64s(&h, a[4], c.n_rows, "found")) &&
               (c.removal_starts = int64s(&h, a[5], c.n_articles + 1, "removal starts")) &&
               get_strings(&h, quotes, &c.quote, "quotes") == 0 && get_strings(&h, removed, &c.removed, "removed") == 0;
    if (fits && (c.quote.n != c.n_rows || c.removed.n != c.n_removals)) {
        PyErr_SetString(PyExc_ValueError, "strings: expected as many as the counts declare");
        fits = 0;
    }
    return answer(&h, fits, offsets_pass, &c);
}

/* A 64-bit hash of n bytes, eight at a time (memcpy: any alignment, either byte order), well mixed in its low bits,
 * which index the table. Only its speed depends on its quality: equal hashes are compared byte for byte. */
static uint64_t bytes_hash(const uint8_t *p, int64_t n)
{
    const uint64_t k = 0x9E3779B97F4A7C15ULL;
    uint64_t h = (uint64_t)n * k, w;
    for (; n >= 8; p += 8, n -= 8) {
        memcpy(&w, p, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    if (n > 0) {
        w = 0;
        for (int64_t i = 0; i < n; i++)
            w |= (uint64_t)p[i] << (8 * i);
        h = (h ^ w) * k;
    }
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ULL;
    return h ^ (h >> 32);
}

typedef struct {
    uint32_t hash; /* the high half of the string's hash (the low bits gave its place) */
    uint32_t row;  /* its row + 1; 0: empty */
} slot;

/* Whether no two of the strings have the same bytes: an open-addressing table of hashes beside their rows, eight
 * bytes a slot and at least a third of the slots empty (the table's pages are most of the cost), each hit compared
 * byte for byte (so a collision of hashes never makes two strings equal). -1: no memory. The caller keeps n below
 * 2^32 - 1. */
static int distinct_pass(const void *columns)
{
    const strings *s = columns;
    Py_ssize_t size = 16;
    while (size < s->n + s->n / 2)
        size *= 2;
    slot *slots = calloc((size_t)size, sizeof(slot));
    if (slots == NULL)
        return -1;
    int ok = 1;
    for (Py_ssize_t i = 0; i < s->n && ok; i++) {
        int64_t a = offset_at(s, i);
        uint64_t h = bytes_hash(s->data + a, offset_at(s, i + 1) - a);
        uint32_t high = (uint32_t)(h >> 32);
        Py_ssize_t k = (Py_ssize_t)(h & (uint64_t)(size - 1));
        while (slots[k].row && ok) {
            if (slots[k].hash == high && same_string(s, i, s, (Py_ssize_t)slots[k].row - 1))
                ok = 0;
            k = (k + 1) & (size - 1);
        }
        slots[k].row = (uint32_t)(i + 1);
        slots[k].hash = high;
    }
    free(slots);
    return ok;
}

PyDoc_STRVAR(distinct_doc,
             "distinct(strings) -> bool\n\n"
             "strings: (offsets, data, wide, first, n). True when no two of the n strings are the same bytes.");

static PyObject *distinct(PyObject *self, PyObject *args)
{
    PyObject *arg;
    if (!PyArg_ParseTuple(args, "O", &arg))
        return NULL;
    held h = {.n = 0};
    strings s;
    int fits = get_strings(&h, arg, &s, "strings") == 0;
    if (fits && ((uint64_t)s.n >= UINT32_MAX || s.n > PY_SSIZE_T_MAX / 32)) { /* rows fit the table's 32-bit slots */
        PyErr_SetString(PyExc_ValueError, "strings: too many");
        fits = 0;
    }
    return answer(&h, fits, distinct_pass, &s);
}

typedef struct {
    Py_ssize_t n_articles, n_labels, n_surfaces;
    const int64_t *label_starts;   /* n_articles + 1: the article's labelled actors are [start, next start) */
    strings actor;                 /* n_labels: their actor ids */
    const int64_t *surface_starts; /* n_labels + 1: a labelled actor's surfaces are [start, next start) */
    strings surface;               /* n_surfaces */
} label_columns;

/* Per article: no actor labelled twice, and no surface listed for two of its actors (nor twice for one: the rule
 * compares each surface with its first occurrence, which is then the same actor's). */
static int labels_pass(const void *columns)
{
    const label_columns *c = columns;
    if (!ranges_ok(c->label_starts, c->n_articles, c->n_labels) ||
        !ranges_ok(c->surface_starts, c->n_labels, c->n_surfaces))
        return 0;
    for (Py_ssize_t i = 0; i < c->n_articles; i++) {
        int64_t lo = c->label_starts[i], hi = c->label_starts[i + 1];
        if (hi - lo > MAX_PER_ARTICLE || c->surface_starts[hi] - c->surface_starts[lo] > MAX_PER_ARTICLE)
            return 0;
        for (int64_t e = lo; e < hi; e++) {
            for (int64_t f = lo; f < e; f++)
                if (same_string(&c->actor, e, &c->actor, f))
                    return 0;
            for (int64_t s = c->surface_starts[e]; s < c->surface_starts[e + 1]; s++)
                for (int64_t t = c->surface_starts[lo]; t < c->surface_starts[e]; t++)
                    if (same_string(&c->surface, s, &c->surface, t))
                        return 0; /* listed for an actor before this one */
        }
    }
    return 1;
}

PyDoc_STRVAR(labels_valid_doc,
             "labels_valid(counts, label_starts, actor_ids, surface_starts, surfaces) -> bool\n\n"
             "counts: (articles, labelled actors, surfaces); starts: int64 row ranges; actor_ids, surfaces: "
             "(offsets, data, wide, first, n). True when no article labels an actor twice or lists a surface for "
             "two of its actors.");

static PyObject *labels_valid(PyObject *self, PyObject *args)
{
    label_columns c;
    PyObject *starts, *actors, *surface_starts, *surfaces;
    if (!PyArg_ParseTuple(args, "(nnn)OOOO", &c.n_articles, &c.n_labels, &c.n_surfaces, &starts, &actors,
                          &surface_starts, &surfaces))
        return NULL;
    if (!parent_counts(c.n_articles, c.n_labels))
        return NULL;
    held h = {.n = 0};
    int fits = (c.label_starts = int64s(&h, starts, c.n_articles + 1, "label starts")) &&
               (c.surface_starts = int64s(&h, surface_starts, c.n_labels + 1, "surface starts")) &&
               get_strings(&h, actors, &c.actor, "actor ids") == 0 &&
               get_strings(&h, surfaces, &c.surface, "surfaces") == 0;
    if (fits && (c.actor.n != c.n_labels || c.surface.n != c.n_surfaces)) {
        PyErr_SetString(PyExc_ValueError, "strings: expected as many as the counts declare");
        fits = 0;
    }
    return answer(&h, fits, labels_pass, &c);
}

/* The writable int64 buffer of n rows a pass writes (held with the inputs, checked apart from them: it writes rows
 * while it reads the strings, so it must share no byte with them); NULL, with ValueError, where it does not fit. */
static int64_t *output_rows(held *h, PyObject *rows, Py_ssize_t n)
{
    if (h->n >= MAX_HELD || PyObject_GetBuffer(rows, &h->views[h->n], PyBUF_C_CONTIGUOUS | PyBUF_WRITABLE) < 0) {
        PyErr_Clear();
        PyErr_SetString(PyExc_ValueError, "rows: expected a writable contiguous buffer");
        return NULL;
    }
    Py_buffer *view = &h->views[h->n++];
    if (n > PY_SSIZE_T_MAX / 8 || view->len != n * (Py_ssize_t)sizeof(int64_t) ||
        (uintptr_t)view->buf % sizeof(int64_t) != 0) {
        PyErr_Format(PyExc_ValueError, "rows: expected %zd aligned int64 values", n);
        return NULL;
    }
    for (int v = 0; v < h->n - 1; v++) {
        const char *a = view->buf, *b = h->views[v].buf;
        if (view->len && h->views[v].len && a < b + h->views[v].len && b < a + view->len) {
            PyErr_SetString(PyExc_ValueError, "rows: the output overlaps an input buffer");
            return NULL;
        }
    }
    return view->buf;
}

#define WORD_BUCKETS 256

/* A string's bucket among the vocabulary's: its length and first and last bytes (the words of a vocabulary mostly
 * differ in them, so a value is compared with one or two words, not all). */
static unsigned word_bucket(const strings *s, Py_ssize_t i)
{
    int64_t a = offset_at(s, i), n = offset_at(s, i + 1) - a;
    return n ? (unsigned)(n * 31 + s->data[a] * 7 + s->data[a + n - 1]) % WORD_BUCKETS : 0;
}

/* word_bucket with the last byte but one as well: ids that share a prefix and a length ("actor-07", "actor-17")
 * differ in their last two bytes, and a lookup in a registry would otherwise compare each key with several ids. */
static unsigned id_bucket(const strings *s, Py_ssize_t i)
{
    int64_t a = offset_at(s, i), n = offset_at(s, i + 1) - a;
    return n > 1 ? (unsigned)(word_bucket(s, i) + s->data[a + n - 2] * 37) % WORD_BUCKETS : word_bucket(s, i);
}

#define MAX_WORDS 1024 /* words of a vocabulary the buckets hold */

typedef unsigned (*bucket_of)(const strings *, Py_ssize_t);

/* A vocabulary's words by bucket: head[b] is the first word of bucket b, next[w] the word after w in its bucket
 * (-1: none), each bucket listing its words in the vocabulary's order. */
typedef struct {
    const strings *words;
    bucket_of bucket;
    int head[WORD_BUCKETS], next[MAX_WORDS];
} word_table;

static void fill_table(word_table *t, const strings *words, bucket_of bucket)
{
    t->words = words, t->bucket = bucket;
    for (int b = 0; b < WORD_BUCKETS; b++)
        t->head[b] = -1;
    for (Py_ssize_t w = words->n - 1; w >= 0; w--) { /* last to first: each bucket lists its words in order */
        unsigned b = bucket(words, w);
        t->next[w] = t->head[b];
        t->head[b] = (int)w;
    }
}

/* The row of the first word equal to string i of s (byte for byte, among its bucket's words), -1 where none is. */
static int word_row(const word_table *t, const strings *s, Py_ssize_t i)
{
    int w = t->head[t->bucket(s, i)];
    while (w >= 0 && !same_string(s, i, t->words, w))
        w = t->next[w];
    return w;
}

/* Whether each string is one of the words (at most MAX_WORDS). */
static int all_in_pass(const strings *s, const strings *v)
{
    word_table t;
    fill_table(&t, v, word_bucket);
    for (Py_ssize_t i = 0; i < s->n; i++)
        if (word_row(&t, s, i) < 0)
            return 0;
    return 1;
}

PyDoc_STRVAR(all_in_doc,
             "all_in(strings, vocabulary) -> bool\n\n"
             "strings, vocabulary: (offsets, data, wide, first, n). True when each string is one of the vocabulary's "
             "(at most 1024 of them).");

static PyObject *all_in(PyObject *self, PyObject *args)
{
    PyObject *values, *words;
    if (!PyArg_ParseTuple(args, "OO", &values, &words))
        return NULL;
    held h = {.n = 0};
    strings s, v;
    if (get_strings(&h, values, &s, "strings") < 0 || get_strings(&h, words, &v, "vocabulary") < 0) {
        release_all(&h);
        return NULL;
    }
    if (v.n > MAX_WORDS) {
        release_all(&h);
        PyErr_SetString(PyExc_ValueError, "vocabulary: at most 1024 words");
        return NULL;
    }
    int ok;
    Py_BEGIN_ALLOW_THREADS ok = all_in_pass(&s, &v);
    Py_END_ALLOW_THREADS release_all(&h);
    return PyBool_FromLong(ok);
}

/* Keys, the strings they are looked for among, and the row among them a pass writes for each key. */
typedef struct {
    strings keys, among;
    int64_t *rows;
} key_rows;

/* The entry point of a pass that writes key_rows: (keys, among, rows) checked (at most max_among strings among,
 * where max_among >= 0), then the pass, without the GIL. */
static PyObject *rows_of_keys(PyObject *args, const char *among_name, Py_ssize_t max_among, int (*pass)(const void *))
{
    PyObject *keys, *among, *rows;
    if (!PyArg_ParseTuple(args, "OOO", &keys, &among, &rows))
        return NULL;
    held h = {.n = 0};
    key_rows c;
    int fits = get_strings(&h, keys, &c.keys, "keys") == 0 && get_strings(&h, among, &c.among, among_name) == 0;
    if (fits && max_among >= 0 && c.among.n > max_among) {
        PyErr_Format(PyExc_ValueError, "%s: at most %zd", among_name, max_among);
        fits = 0;
    }
    c.rows = fits ? output_rows(&h, rows, c.keys.n) : NULL;
    return answer(&h, fits && c.rows != NULL, pass, &c);
}

/* The row of each key among the words (at most MAX_WORDS; the first of equal words), -1 where none is the key. */
static int index_pass(const void *columns)
{
    const key_rows *c = columns;
    word_table t;
    fill_table(&t, &c->among, id_bucket);
    for (Py_ssize_t i = 0; i < c->keys.n; i++)
        c->rows[i] = word_row(&t, &c->keys, i);
    return 1;
}

PyDoc_STRVAR(index_in_doc,
             "index_in(keys, words, rows) -> bool\n\n"
             "keys, words: (offsets, data, wide, first, n), at most 1024 words; rows: int64, one per key, written: "
             "the row of the first word equal to the key (bytewise), -1 where there is none.");

static PyObject *index_in(PyObject *self, PyObject *args)
{
    return rows_of_keys(args, "words", MAX_WORDS, index_pass);
}

/* A byte of a slug's words: a lower-case ASCII letter or a digit. */
static int slug_byte(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Whether each string matches vocab.ID_PATTERN, ^[a-z0-9]+(?:-[a-z0-9]+)*$: words of slug bytes that single hyphens
 * join, a word first and last (any other byte, UTF-8 or not, matches nothing in the pattern). */
static int slugs_pass(const void *columns)
{
    const strings *s = columns;
    for (Py_ssize_t i = 0; i < s->n; i++) {
        int64_t a = offset_at(s, i), b = offset_at(s, i + 1);
        if (a < 0 || b <= a || b > s->data_len || !slug_byte(s->data[a]) || !slug_byte(s->data[b - 1]))
            return 0;
        for (int64_t k = a + 1; k < b - 1; k++) {
            uint8_t c = s->data[k];
            if (!slug_byte(c) && (c != '-' || s->data[k - 1] == '-'))
                return 0;
        }
    }
    return 1;
}

PyDoc_STRVAR(slugs_doc,
             "slugs(strings) -> bool\n\n"
             "strings: (offsets, data, wide, first, n). True when each string matches ^[a-z0-9]+(?:-[a-z0-9]+)*$ "
             "(lower-case ASCII words joined by single hyphens).");

static PyObject *slugs(PyObject *self, PyObject *args)
{
    PyObject *values;
    if (!PyArg_ParseTuple(args, "O", &values))
        return NULL;
    held h = {.n = 0};
    strings s;
    int fits = get_strings(&h, values, &s, "strings") == 0;
    return answer(&h, fits, slugs_pass, &s);
}

/* a's string i against b's string j, as Arrow orders strings: bytewise, a prefix first. */
static int compare_strings(const strings *a, Py_ssize_t i, const strings *b, Py_ssize_t j)
{
    int64_t a0 = offset_at(a, i), an = offset_at(a, i + 1) - a0, b0 = offset_at(b, j), bn = offset_at(b, j + 1) - b0;
    int c = memcmp(a->data + a0, b->data + b0, (size_t)(an < bn ? an : bn));
    return c ? c : (an > bn) - (an < bn);
}

/* One merge walk: 0 (rows unfinished) unless the reference strictly increases and the keys never decrease. */
static int merge_pass(const void *columns)
{
    const key_rows *c = columns; /* among: the reference, in its order */
    for (Py_ssize_t r = 1; r < c->among.n; r++)
        if (compare_strings(&c->among, r - 1, &c->among, r) >= 0)
            return 0;
    Py_ssize_t r = 0;
    for (Py_ssize_t i = 0; i < c->keys.n; i++) {
        if (i) {
            int step = compare_strings(&c->keys, i - 1, &c->keys, i);
            if (step > 0)
                return 0;
            if (step == 0) {
                c->rows[i] = c->rows[i - 1];
                continue;
            }
            /* the key after the last one found (the next article of a long table in the build's order): the
             * reference row after it, equal byte for byte, is the key's row, as it increases strictly */
            if (c->rows[i - 1] == r && r + 1 < c->among.n && same_string(&c->among, r + 1, &c->keys, i)) {
                c->rows[i] = ++r;
                continue;
            }
        }
        while (r < c->among.n && compare_strings(&c->among, r, &c->keys, i) < 0)
            r++;
        c->rows[i] = r < c->among.n && compare_strings(&c->among, r, &c->keys, i) == 0 ? r : -1;
    }
    return 1;
}

PyDoc_STRVAR(sorted_rows_doc,
             "sorted_rows(keys, reference, rows) -> bool\n\n"
             "keys, reference: (offsets, data, wide, first, n); rows: int64, one per key, written. For a reference "
             "that strictly increases and keys that never decrease (bytewise), the row of each key in the "
             "reference, -1 where absent, and True; False where they are not so ordered.");

static PyObject *sorted_rows(PyObject *self, PyObject *args)
{
    return rows_of_keys(args, "reference", -1, merge_pass);
}

static PyMethodDef methods[] = {
    {"all_in", all_in, METH_VARARGS, all_in_doc},
    {"slugs", slugs, METH_VARARGS, slugs_doc},
    {"index_in", index_in, METH_VARARGS, index_in_doc},
    {"sorted_rows", sorted_rows, METH_VARARGS, sorted_rows_doc},
    {"labels_valid", labels_valid, METH_VARARGS, labels_valid_doc},
    {"distinct", distinct, METH_VARARGS, distinct_doc},
    {"offsets_valid", offsets_valid, METH_VARARGS, offsets_valid_doc},
    {"evidence_valid", evidence_valid, METH_VARARGS, evidence_valid_doc},
    {"dyads_valid", dyads_valid, METH_VARARGS, dyads_valid_doc},
    {"mentions_valid", mentions_valid, METH_VARARGS, mentions_valid_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_checkkernel", "Compiled valid-or-not passes of the rules (see corpus_ds.checkkernel).",
    -1, methods,
};

PyMODINIT_FUNC PyInit__checkkernel(void)
{
    return PyModule_Create(&module);
}
