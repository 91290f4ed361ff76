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

#define MAX_HELD 24

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

static int dyads_pass(const dyad_columns *c)
{
    if (!ranges_ok(c->dyad_starts, c->n_articles, c->n_dyads) ||
        !ranges_ok(c->part_starts, c->n_articles, c->n_parts))
        return 0;
    for (Py_ssize_t r = 0; r < c->n_registry; r++)
        if (c->country[r] < -1)
            return 0;
    for (Py_ssize_t i = 0; i < c->n_articles; i++) {
        int64_t lo = c->dyad_starts[i], hi = c->dyad_starts[i + 1], t = c->event_type[i];
        if (lo == hi || t < 0 || t >= c->n_types || c->place[i] < -2)
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
    if (c.n_articles < 0 || c.n_articles >= PY_SSIZE_T_MAX / 8) {
        PyErr_SetString(PyExc_ValueError, "articles: expected a row count");
        return NULL;
    }
    held h = {.n = 0};
    Py_ssize_t na = c.n_articles;
    if (!(c.dyad_starts = int64s(&h, a[0], na + 1, "dyad starts")) ||
        !(c.event_type = int64s(&h, a[1], na, "event types")) || !(c.cameo = int64s(&h, a[2], na, "cameo codes")) ||
        !(c.signed_ = int64s(&h, a[3], na, "signed")) || !(c.place = int64s(&h, a[4], na, "places")) ||
        !(c.code = int64s(&h, a[5], c.n_dyads, "codes")) || !(c.source = int64s(&h, a[6], c.n_dyads, "sources")) ||
        !(c.target = int64s(&h, a[7], c.n_dyads, "targets")) ||
        !(c.country = int64s(&h, a[8], c.n_registry, "countries")) ||
        !(c.part_starts = int64s(&h, a[9], na + 1, "participant starts")) ||
        !(c.participant = int64s(&h, a[10], c.n_parts, "participants")) ||
        !(c.allowed = int64s(&h, a[11], c.n_types * c.n_codes, "allowed codes")) ||
        !(c.required = int64s(&h, a[12], c.n_types, "required codes")) ||
        !(c.reciprocal = int64s(&h, a[13], c.n_codes, "reciprocal codes"))) {
        release_all(&h);
        return NULL;
    }
    int ok;
    Py_BEGIN_ALLOW_THREADS ok = dyads_pass(&c);
    Py_END_ALLOW_THREADS release_all(&h);
    return PyBool_FromLong(ok);
}

static PyMethodDef methods[] = {
    {"dyads_valid", dyads_valid, METH_VARARGS, dyads_valid_doc},
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
