// SPDX-License-Identifier: MIT
// Tests of the capture proxy's FaultStage: framing, pass-through and each event fault rule.

#include "sselib/capture/faultstage_p.h"

#include <QTest>

class tst_FaultStage : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_FaultStage)
#include "tst_faultstage.moc"
