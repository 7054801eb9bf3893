/* state.h */
#ifndef DUBAO_STATE_H
#define DUBAO_STATE_H
#endif
