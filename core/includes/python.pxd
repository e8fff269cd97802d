# PEP 393 access to str buffers, fenced off from the scanning code.
cdef extern from "Python.h":
    ctypedef unsigned char Py_UCS1
    ctypedef unsigned short Py_UCS2
    enum:
        PyUnicode_1BYTE_KIND
        PyUnicode_2BYTE_KIND
        PyUnicode_4BYTE_KIND
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)
    Py_ssize_t PyUnicode_GET_LENGTH(object o)
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)
    Py_UCS4* PyUnicode_AsUCS4(object o, Py_UCS4* buffer, Py_ssize_t buflen, int copy_null) except NULL
    int PyGC_Disable()   # 3.10+: the previous state
    int PyGC_Enable()
    # building a str in place: allocate with its exact widest code point, then copy pieces
    Py_UCS4 PyUnicode_MAX_CHAR_VALUE(object o)
    bint PyUnicode_IS_ASCII(object o)
    object PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
    object PyUnicode_Substring(object o, Py_ssize_t start, Py_ssize_t end)
    Py_UCS4 PyUnicode_READ(int kind, const void* data, Py_ssize_t index) nogil
    void PyUnicode_WRITE(int kind, void* data, Py_ssize_t index, Py_UCS4 value) nogil
    bint Py_UNICODE_ISALPHA(Py_UCS4 c) nogil
    bint Py_UNICODE_ISDIGIT(Py_UCS4 c) nogil
    int PyObject_GenericSetAttr(object o, object name, object value) except -1
