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
