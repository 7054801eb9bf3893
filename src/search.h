/* search.h */
#ifndef DUBAO_SEARCH_H
#define DUBAO_SEARCH_H
#endif
