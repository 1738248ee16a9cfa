<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../ui/admin.py" line="65" />
        <source>Devices</source>
        <translation>الأجهزة</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="66" />
        <source>Users</source>
        <translation>المستخدمون</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="67" />
        <source>Booth configuration</source>
        <translation>إعدادات الكشك</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="68" />
        <source>Test the selected device</source>
        <translation>اختبار الجهاز المحدد</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="69" />
        <source>Raw frames from the devices (newest last):</source>
        <translation>الإطارات الخام من الأجهزة (الأحدث في الأسفل):</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="71" />
        <source>Officer ID</source>
        <translation>رقم الضابط</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="71" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="71" />
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="71" />
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="73" />
        <source>Add officers and set PINs with: station users add / set-pin</source>
        <translation>أضف الضباط وعيّن الرموز السرية بالأمر: station users add / set-pin</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="75" />
        <source>Change settings in the booth file, then restart: %1</source>
        <translation>غيّر الإعدادات في ملف الكشك ثم أعد التشغيل: %1</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="76" />
        <source>(built-in defaults)</source>
        <translation>(الإعدادات الافتراضية المدمجة)</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="105" />
        <source>disabled</source>
        <translation>معطّل</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="105" />
        <source>active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="117" />
        <source>%1: not running</source>
        <translation>%1: لا يعمل</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="122" />
        <source>%1: %2 %3 — present a document to see its frame</source>
        <translation>%1: %2 %3 — قدّم وثيقة لرؤية إطارها</translation>
    </message>
</context>
<context>
    <name>BoothController</name>
    <message>
        <location filename="../../ui/booth.py" line="187" />
        <source>Login failed: %s</source>
        <translation>فشل تسجيل الدخول: %s</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../ui/widgets.py" line="70" />
        <source>Document code</source>
        <translation>رمز الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="71" />
        <source>Issuing state</source>
        <translation>الدولة المُصدِرة</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="72" />
        <source>Surname</source>
        <translation>اللقب</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="73" />
        <source>Given names</source>
        <translation>الأسماء</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="74" />
        <source>Document number</source>
        <translation>رقم الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="75" />
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="76" />
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="77" />
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="78" />
        <source>Date of expiry</source>
        <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="79" />
        <source>Optional data</source>
        <translation>بيانات اختيارية</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="80" />
        <source>Optional data (line 2)</source>
        <translation>بيانات اختيارية (السطر الثاني)</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../../ui/widgets.py" line="30" />
        <source>Document validity</source>
        <translation>صلاحية الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="31" />
        <source>Issuing state</source>
        <translation>الدولة المُصدِرة</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="32" />
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="33" />
        <source>Specimen or void marks</source>
        <translation>علامات العيّنة أو الإلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="34" />
        <source>Holder's age</source>
        <translation>عمر الحامل</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="35" />
        <source>MRZ under infrared</source>
        <translation>المنطقة المقروءة آليًا تحت الأشعة تحت الحمراء</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="36" />
        <source>Photo present</source>
        <translation>وجود الصورة</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="37" />
        <source>UV pattern across the photo</source>
        <translation>نمط الأشعة فوق البنفسجية عبر الصورة</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="38" />
        <source>Paper under UV</source>
        <translation>الورق تحت الأشعة فوق البنفسجية</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="39" />
        <source>Printed dates under infrared</source>
        <translation>التواريخ المطبوعة تحت الأشعة تحت الحمراء</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="40" />
        <source>MRZ check digits</source>
        <translation>أرقام التحقق في المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="41" />
        <source>MRZ reading corrections</source>
        <translation>تصحيحات قراءة المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="42" />
        <source>MRZ dates</source>
        <translation>تواريخ المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="43" />
        <source>MRZ fields</source>
        <translation>حقول المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="44" />
        <source>MRZ format</source>
        <translation>شكل المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="45" />
        <source>Live photo comparison</source>
        <translation>المقارنة بالصورة الحية</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="46" />
        <source>Advance passenger list</source>
        <translation>قائمة المسافرين المسبقة</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="47" />
        <source>Passenger record flag</source>
        <translation>علامة في سجل المسافر</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="48" />
        <source>Lost or stolen documents</source>
        <translation>الوثائق المفقودة أو المسروقة</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="49" />
        <source>Watchlist</source>
        <translation>قائمة المراقبة</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="50" />
        <source>Travel history: stay</source>
        <translation>سجل السفر: مدة الإقامة</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="51" />
        <source>Travel history: open entry</source>
        <translation>سجل السفر: دخول بلا خروج</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="54" />
        <source>Chip data agrees with the MRZ</source>
        <translation>بيانات الشريحة تطابق المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="55" />
        <source>Chip signature (passive authentication)</source>
        <translation>توقيع الشريحة (المصادقة السلبية)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="58" />
        <source>Chip cloning check (active authentication)</source>
        <translation>فحص استنساخ الشريحة (المصادقة النشطة)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="61" />
        <source>Chip authentication</source>
        <translation>مصادقة الشريحة</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="62" />
        <source>Face comparison</source>
        <translation>مقارنة الوجه</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/login.py" line="93" />
        <source>Screen locked</source>
        <translation>الشاشة مقفلة</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="94" />
        <source>PIN</source>
        <translation>الرمز السري</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="95" />
        <source>Log out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="100" />
        <source>Officer %1: enter your PIN to continue.</source>
        <translation>الضابط %1: أدخل رمزك السري للمتابعة.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/login.py" line="59" />
        <source>Border Station — log in</source>
        <translation>محطة الحدود — تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="60" />
        <source>Officer ID</source>
        <translation>رقم الضابط</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="61" />
        <source>PIN</source>
        <translation>الرمز السري</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="72" />
        <source>Enter your officer ID and PIN.</source>
        <translation>أدخل رقم الضابط والرمز السري.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74" />
        <source>Checking…</source>
        <translation>جارٍ التحقق…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="100" />
        <source>working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103" />
        <source>Border Station</source>
        <translation>محطة الحدود</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <source>Primary inspection</source>
        <translation>التفتيش الأولي</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>Second line</source>
        <translation>الخط الثاني</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107" />
        <source>Supervisor</source>
        <translation>المشرف</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108" />
        <source>Administration</source>
        <translation>الإدارة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>Lock [Ctrl+L]</source>
        <translation>قفل [Ctrl+L]</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>Log out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131" />
        <source>%1 — officer %2 (%3)</source>
        <translation>%1 — الضابط %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139" />
        <source>officer</source>
        <translation>ضابط</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140" />
        <source>examiner</source>
        <translation>فاحص</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141" />
        <source>supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142" />
        <source>administrator</source>
        <translation>مدير النظام</translation>
    </message>
</context>
<context>
    <name>PrimaryScreen</name>
    <message>
        <location filename="../../ui/primary.py" line="254" />
        <source>Admit</source>
        <translation>سماح بالدخول</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="255" />
        <source>Refuse</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="256" />
        <source>Refer to second line</source>
        <translation>إحالة إلى الخط الثاني</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="257" />
        <source>Protection</source>
        <translation>حماية</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="258" />
        <source>Type MRZ</source>
        <translation>كتابة المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="259" />
        <source>Next document (demo)</source>
        <translation>الوثيقة التالية (عرض)</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="263" />
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="264" />
        <source>Type the MRZ lines as printed, then Enter (Escape: back)</source>
        <translation>اكتب أسطر المنطقة المقروءة آليًا كما هي مطبوعة، ثم Enter ‏(Escape: رجوع)</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="277" />
        <source>Ready — present the next document</source>
        <translation>جاهز — قدّم الوثيقة التالية</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="303" />
        <source>The holder is a minor: consider the protection referral (F8).</source>
        <translation>الحامل قاصر: فكّر في الإحالة للحماية (F8).</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="326" />
        <source>Lists: %1 loaded, newest %2</source>
        <translation>القوائم: %1 محمّلة، الأحدث %2</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="332" />
        <source>Lists: none loaded</source>
        <translation>القوائم: لا شيء محمّل</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="371" />
        <source>The scanner is reading the next document…</source>
        <translation>الماسح يقرأ الوثيقة التالية…</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="402" />
        <source>Refuse entry: choose the reason (Enter: confirm, Escape: back)</source>
        <translation>رفض الدخول: اختر السبب (Enter: تأكيد، Escape: رجوع)</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="403" />
        <source>Refer to second line: reason and note (Enter: confirm, Escape: back)</source>
        <translation>الإحالة إلى الخط الثاني: السبب والملاحظة (Enter: تأكيد، Escape: رجوع)</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="404" />
        <source>Protection referral: the ground (Enter: confirm, Escape: back)</source>
        <translation>إحالة للحماية: السبب (Enter: تأكيد، Escape: رجوع)</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="407" />
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="407" />
        <source>Ground</source>
        <translation>الأساس</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="420" />
        <source>Explain the referral in the note.</source>
        <translation>اشرح سبب الإحالة في الملاحظة.</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="435" />
        <source>Checking the typed MRZ…</source>
        <translation>جارٍ فحص المنطقة المقروءة آليًا المكتوبة…</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="441" />
        <source>Saving the decision…</source>
        <translation>جارٍ حفظ القرار…</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="450" />
        <source>admitted</source>
        <translation>سُمح بالدخول</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="450" />
        <source>refused</source>
        <translation>رُفض</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="450" />
        <source>referred</source>
        <translation>أُحيل</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="452" />
        <source>Saved: %1. Ready for the next traveller.</source>
        <translation>تم الحفظ: %1. جاهز للمسافر التالي.</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="459" />
        <source>Not saved: %1</source>
        <translation>لم يُحفظ: %1</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../ui/report.py" line="36" />
        <source>Surname</source>
        <translation>اللقب</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="37" />
        <source>Given names</source>
        <translation>الأسماء</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="38" />
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="39" />
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="45" />
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="48" />
        <source>Date of expiry</source>
        <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="51" />
        <source>Verdict</source>
        <translation>الحكم</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="53" />
        <source>Final decision</source>
        <translation>القرار النهائي</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="57" />
        <source>Examiner</source>
        <translation>الفاحص</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="58" />
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="59" />
        <source>Inspection</source>
        <translation>التفتيش</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="64" />
        <source>Booth</source>
        <translation>الكشك</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="75" />
        <location filename="../../ui/report.py" line="104" />
        <source>Second-line examination report</source>
        <translation>تقرير فحص الخط الثاني</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="76" />
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="77" />
        <source>Security features checked</source>
        <translation>الميزات الأمنية التي فُحصت</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="78" />
        <source>Automatic findings</source>
        <translation>النتائج الآلية</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="79" />
        <source>Images</source>
        <translation>الصور</translation>
    </message>
</context>
<context>
    <name>SecondLineScreen</name>
    <message>
        <location filename="../../ui/second_line.py" line="195" />
        <source>Referrals</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="196" />
        <source>Take referral [Enter]</source>
        <translation>استلام الإحالة [Enter]</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="197" />
        <source>Refresh queue</source>
        <translation>تحديث القائمة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="198" />
        <source>Record verdict and report [Ctrl+S]</source>
        <translation>تسجيل الحكم والتقرير [Ctrl+S]</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="199" />
        <source>Hand back [Esc]</source>
        <translation>إعادة إلى القائمة [Esc]</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="200" />
        <source>Verdict</source>
        <translation>الحكم</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="201" />
        <source>Final decision</source>
        <translation>القرار النهائي</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="202" />
        <source>Refusal reason</source>
        <translation>سبب الرفض</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="203" />
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="204" />
        <source>Printed data: no page image</source>
        <translation>البيانات المطبوعة: لا صورة للصفحة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="205" />
        <source>The printed data as scanned, to compare with the MRZ and the chip</source>
        <translation>البيانات المطبوعة كما مُسحت، لمقارنتها بالمنطقة المقروءة آليًا والشريحة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="206" />
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="206" />
        <source>MRZ</source>
        <translation>المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="206" />
        <source>Chip</source>
        <translation>الشريحة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="208" />
        <source>genuine</source>
        <translation>أصلية</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="209" />
        <source>counterfeit</source>
        <translation>مزيفة بالكامل</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="210" />
        <source>forged</source>
        <translation>محرّفة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="211" />
        <source>fraudulently obtained</source>
        <translation>حُصل عليها بالاحتيال</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="212" />
        <source>impostor</source>
        <translation>منتحل شخصية</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="213" />
        <source>inconclusive</source>
        <translation>غير حاسم</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="216" />
        <source>admit</source>
        <translation>سماح بالدخول</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="216" />
        <source>refuse</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="221" />
        <source>UV: paper dull, fluorescent pattern present</source>
        <translation>فوق البنفسجية: الورق باهت والنمط المتألق موجود</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="222" />
        <source>UV: pattern continues across the photo</source>
        <translation>فوق البنفسجية: النمط يمتد عبر الصورة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="223" />
        <source>IR: MRZ and printed data in IR-absorbing ink</source>
        <translation>تحت الحمراء: المنطقة المقروءة آليًا والبيانات بحبر ماص للأشعة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="224" />
        <source>IR: background artwork vanishes</source>
        <translation>تحت الحمراء: الرسوم الخلفية تختفي</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="225" />
        <source>Photo: no signs of substitution</source>
        <translation>الصورة: لا علامات استبدال</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="226" />
        <source>Printed data agrees with the MRZ</source>
        <translation>البيانات المطبوعة تطابق المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="227" />
        <source>Printing: intaglio/offset quality, no toner</source>
        <translation>الطباعة: جودة غائرة/أوفست، بلا حبر ليزري</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="228" />
        <source>Laminate and page intact</source>
        <translation>الغلاف الواقي والصفحة سليمان</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="262" />
        <source> — held by %1</source>
        <translation> — لدى %1</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="316" />
        <source>Take a referral from the queue (Enter).</source>
        <translation>استلم إحالة من القائمة (Enter).</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="327" />
        <source>Referral: %1 — %2</source>
        <translation>إحالة: %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="340" />
        <source>no chip read</source>
        <translation>لم تُقرأ الشريحة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="348" />
        <source>Reference specimen for %1: none available at this booth.</source>
        <translation>العيّنة المرجعية لـ %1: غير متوفرة في هذا الكشك.</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="431" />
        <source>Saving the verdict and writing the report…</source>
        <translation>جارٍ حفظ الحكم وكتابة التقرير…</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="440" />
        <source>Verdict recorded; the report is stored and will be synced.</source>
        <translation>سُجّل الحكم؛ التقرير محفوظ وسيُزامن.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/widgets.py" line="103" />
        <source>ready</source>
        <translation>جاهز</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="104" />
        <source>reading</source>
        <translation>يقرأ</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="105" />
        <source>disconnected</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="106" />
        <source>error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="276" />
        <source>Sync: offline booth</source>
        <translation>المزامنة: كشك غير متصل</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="280" />
        <source>Sync backlog: %1</source>
        <translation>بانتظار المزامنة: %1</translation>
    </message>
</context>
<context>
    <name>SupervisorScreen</name>
    <message>
        <location filename="../../ui/supervisor.py" line="88" />
        <source>Booth health</source>
        <translation>حالة الكشك</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="89" />
        <source>Sync now</source>
        <translation>زامن الآن</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="90" />
        <source>Device</source>
        <translation>الجهاز</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="90" />
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="90" />
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="124" />
        <source>Store: %1 MB free%2</source>
        <translation>التخزين: %1 ميغابايت متاحة%2</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="126" />
        <source> — LOW SPACE</source>
        <translation> — المساحة منخفضة</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="132" />
        <source>%1 of %2 records synced</source>
        <translation>زُومن %1 من %2 سجلًا</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="137" />
        <source>Sync: this booth works offline (no central server configured).</source>
        <translation>المزامنة: هذا الكشك يعمل دون اتصال (لا خادم مركزي مُعدّ).</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="139" />
        <source>never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="141" />
        <source>Sync: %1 waiting, %2 files, %3 rejected; last success %4</source>
        <translation>المزامنة: %1 بالانتظار، %2 ملفات، %3 مرفوضة؛ آخر نجاح %4</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="148" />
        <source>Last error: %1</source>
        <translation>آخر خطأ: %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="154" />
        <source>Travellers</source>
        <translation>المسافرون</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="161" />
        <source>Travellers per hour</source>
        <translation>المسافرون في الساعة</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="162" />
        <source>admitted</source>
        <translation>سُمح بالدخول</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="162" />
        <source>refused</source>
        <translation>رُفض</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="162" />
        <source>referred</source>
        <translation>أُحيل</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="163" />
        <source>Shift</source>
        <translation>المناوبة</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="164" />
        <source>hits</source>
        <translation>تطابقات</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="172" />
        <source>Decisions, referrals and hits</source>
        <translation>القرارات والإحالات والتطابقات</translation>
    </message>
</context>
<context>
    <name>TravellerPanel</name>
    <message>
        <location filename="../../ui/primary.py" line="95" />
        <source>Surname</source>
        <translation>اللقب</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="96" />
        <source>Given names</source>
        <translation>الأسماء</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="97" />
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="98" />
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="99" />
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="100" />
        <source>Document number</source>
        <translation>رقم الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="101" />
        <source>Issuing state</source>
        <translation>الدولة المُصدِرة</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="102" />
        <source>Date of expiry</source>
        <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="106" />
        <source>Document photo</source>
        <translation>صورة الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="107" />
        <source>Live photo</source>
        <translation>الصورة الحية</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="108" />
        <source>No photo</source>
        <translation>لا صورة</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="109" />
        <source>No live camera</source>
        <translation>لا كاميرا حية</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="139" />
        <source>MRZ not read — press F9 to type it</source>
        <translation>لم تُقرأ المنطقة المقروءة آليًا — اضغط F9 لكتابتها</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../ui/widgets.py" line="87" />
        <source>CLEAR</source>
        <translation>سليم</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="88" />
        <source>ATTENTION</source>
        <translation>انتباه</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="89" />
        <source>STOP</source>
        <translation>توقف</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="95" />
        <source>passed</source>
        <translation>ناجح</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="96" />
        <source>failed</source>
        <translation>فاشل</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="97" />
        <source>not checked</source>
        <translation>لم يُفحص</translation>
    </message>
</context>
</TS>
