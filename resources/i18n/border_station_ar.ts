<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../ui/admin.py" line="98"/>
        <source>Devices</source>
        <translation>الأجهزة</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="99"/>
        <source>Users</source>
        <translation>المستخدمون</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="100"/>
        <source>Booth configuration</source>
        <translation>إعدادات الكشك</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="101"/>
        <source>Test the selected device</source>
        <translation>اختبار الجهاز المحدد</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="102"/>
        <source>Raw frames from the devices (newest last):</source>
        <translation>الإطارات الخام من الأجهزة (الأحدث في الأسفل):</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="104"/>
        <location filename="../../ui/admin.py" line="107"/>
        <source>Officer ID</source>
        <translation>رقم الضابط</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="104"/>
        <location filename="../../ui/admin.py" line="108"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="104"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="104"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="106"/>
        <source>Select an officer to set a PIN, disable or re-enable the account.</source>
        <translation>اختر موظفًا لتعيين رمز PIN أو تعطيل الحساب أو إعادة تفعيله.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="109"/>
        <source>PIN</source>
        <translation>رمز PIN</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="110"/>
        <source>New PIN</source>
        <translation>رمز PIN الجديد</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="111"/>
        <source>Add officer</source>
        <translation>إضافة موظف</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="117"/>
        <source>Set PIN</source>
        <translation>تعيين رمز PIN</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="118"/>
        <source>Disable</source>
        <translation>تعطيل</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="119"/>
        <source>Re-enable</source>
        <translation>إعادة التفعيل</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="121"/>
        <source>Setting</source>
        <translation>الإعداد</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="121"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="121"/>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="123"/>
        <source>Save settings</source>
        <translation>حفظ الإعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="126"/>
        <source>Booth file: %1. Values are checked before saving; most take effect at the next start.</source>
        <translation>ملف الكشك: %1. تُفحص القيم قبل الحفظ؛ ويسري معظمها عند التشغيل التالي.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="127"/>
        <source>(built-in defaults)</source>
        <translation>(الإعدادات الافتراضية المدمجة)</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="159"/>
        <source>disabled</source>
        <translation>معطّل</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="159"/>
        <source>active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="187"/>
        <source>Enter the officer ID, name, role and PIN.</source>
        <translation>أدخل رقم الموظف والاسم والدور ورمز PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="192"/>
        <source>Officer %1 added.</source>
        <translation>أُضيف الموظف %1.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="205"/>
        <source>Select an officer and type the new PIN.</source>
        <translation>اختر موظفًا واكتب رمز PIN الجديد.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="210"/>
        <source>New PIN set for %1.</source>
        <translation>عُيّن رمز PIN جديد لـ %1.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="217"/>
        <source>Select an officer first.</source>
        <translation>اختر موظفًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="221"/>
        <source>You cannot disable your own account.</source>
        <translation>لا يمكنك تعطيل حسابك.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="225"/>
        <source>%1 disabled.</source>
        <translation>عُطّل %1.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="230"/>
        <source>%1 re-enabled.</source>
        <translation>أُعيد تفعيل %1.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="268"/>
        <source>Nothing changed.</source>
        <translation>لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="276"/>
        <source>Saved %1 change(s) to %2 and recorded them in the audit trail.</source>
        <translation>حُفظ %1 تغيير في %2 وسُجّل في سجل التدقيق.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="283"/>
        <source>Not saved: %1</source>
        <translation>لم يُحفظ: %1</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="285"/>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="298"/>
        <source>%1: not running</source>
        <translation>%1: لا يعمل</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="303"/>
        <source>%1: %2 %3 — present a document to see its frame</source>
        <translation>%1: %2 %3 — قدّم وثيقة لرؤية إطارها</translation>
    </message>
</context>
<context>
    <name>BoothController</name>
    <message>
        <location filename="../../ui/booth.py" line="201"/>
        <source>Login failed: %s</source>
        <translation>فشل تسجيل الدخول: %s</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../ui/codes.py" line="78"/>
        <source>Document code</source>
        <translation>رمز الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="79"/>
        <source>Issuing state</source>
        <translation>الدولة المُصدِرة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="80"/>
        <source>Surname</source>
        <translation>اللقب</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="81"/>
        <source>Given names</source>
        <translation>الأسماء</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="82"/>
        <source>Document number</source>
        <translation>رقم الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="83"/>
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="84"/>
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="85"/>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="86"/>
        <source>Date of expiry</source>
        <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="87"/>
        <source>Optional data</source>
        <translation>بيانات اختيارية</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="88"/>
        <source>Optional data (line 2)</source>
        <translation>بيانات اختيارية (السطر الثاني)</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="89"/>
        <location filename="../../ui/codes.py" line="90"/>
        <source>Overall (composite)</source>
        <translation>الإجمالي (المركّب)</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../../ui/codes.py" line="138"/>
        <source>Document validity</source>
        <translation>صلاحية الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="155"/>
        <source>Issuing state</source>
        <translation>الدولة المُصدِرة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="181"/>
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="201"/>
        <source>Specimen or void marks</source>
        <translation>علامات العيّنة أو الإلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="209"/>
        <source>Holder&apos;s age</source>
        <translation>عمر الحامل</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="280"/>
        <source>Every MRZ field follows its rules.</source>
        <translation>كل حقول منطقة القراءة الآلية مطابقة لقواعدها.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="281"/>
        <source>Some MRZ fields break their rules (see the detail).</source>
        <translation>بعض حقول منطقة القراءة الآلية تخالف قواعدها (انظر التفاصيل).</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="286"/>
        <source>MRZ under infrared</source>
        <translation>المنطقة المقروءة آليًا تحت الأشعة تحت الحمراء</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="288"/>
        <source>The MRZ stays dark under infrared.</source>
        <translation>تبقى منطقة القراءة الآلية داكنة تحت الأشعة تحت الحمراء.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="291"/>
        <source>The MRZ fades under infrared: possible counterfeit. Compare the IR image.</source>
        <translation>تبهت منطقة القراءة الآلية تحت الأشعة تحت الحمراء: احتمال تزييف. قارن صورة الأشعة تحت الحمراء.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="298"/>
        <source>Not done: the MRZ is not visible in white light.</source>
        <translation>لم يُنفَّذ: منطقة القراءة الآلية غير ظاهرة في الضوء الأبيض.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="301"/>
        <location filename="../../ui/codes.py" line="314"/>
        <location filename="../../ui/codes.py" line="322"/>
        <location filename="../../ui/codes.py" line="340"/>
        <location filename="../../ui/codes.py" line="359"/>
        <source>Not done: the page images cannot be used.</source>
        <translation>لم يُنفَّذ: صور الصفحة غير صالحة للاستخدام.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="307"/>
        <source>The paper stays dull under UV, as security paper should.</source>
        <translation>يبقى الورق باهتًا تحت الأشعة فوق البنفسجية كما ينبغي لورق الأمان.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="310"/>
        <source>The paper glows under UV like office paper: possible counterfeit.</source>
        <translation>يتوهج الورق تحت الأشعة فوق البنفسجية كورق المكاتب: احتمال تزييف.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="318"/>
        <source>Photo present</source>
        <translation>وجود الصورة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="320"/>
        <source>A photo is present in the photo zone.</source>
        <translation>توجد صورة في منطقة الصورة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="321"/>
        <source>There is no photo in the photo zone.</source>
        <translation>لا توجد صورة في منطقة الصورة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="326"/>
        <source>UV pattern across the photo</source>
        <translation>نمط الأشعة فوق البنفسجية عبر الصورة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="305"/>
        <source>Paper under UV</source>
        <translation>الورق تحت الأشعة فوق البنفسجية</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="344"/>
        <source>Printed dates under infrared</source>
        <translation>التواريخ المطبوعة تحت الأشعة تحت الحمراء</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="233"/>
        <source>MRZ check digits</source>
        <translation>أرقام التحقق في المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="67"/>
        <source>No MRZ was read from this document.</source>
        <translation>لم تُقرأ منطقة القراءة الآلية من هذه الوثيقة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="107"/>
        <source>No chip was read from this document.</source>
        <translation>لم تُقرأ شريحة من هذه الوثيقة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="110"/>
        <source>The chip could not be read: {reason}</source>
        <translation>تعذّرت قراءة الشريحة: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="120"/>
        <source>Verified.</source>
        <translation>تم التحقق.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="124"/>
        <source>No CSCA trust list is available at this booth.</source>
        <translation>لا تتوفر في هذا الكشك قائمة ثقة لشهادات CSCA.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="127"/>
        <source>Needs a trusted CSCA for the signer.</source>
        <translation>يتطلب شهادة CSCA موثوقة للموقِّع.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="140"/>
        <source>Valid until {expiry_date}.</source>
        <translation>صالحة حتى {expiry_date}.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="142"/>
        <source>Expired on {expiry_date} ({days_ago} days ago).</source>
        <translation>انتهت صلاحيتها في {expiry_date} (منذ {days_ago} يومًا).</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="146"/>
        <source>Expires soon: on {expiry_date}, in {days_left} days.</source>
        <translation>تنتهي صلاحيتها قريبًا: في {expiry_date}، بعد {days_left} يومًا.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="150"/>
        <source>The date of expiry could not be read as a real date.</source>
        <translation>تعذّرت قراءة تاريخ الانتهاء كتاريخ صحيح.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="157"/>
        <source>Issuing state {code} is known.</source>
        <translation>دولة الإصدار {code} معروفة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="160"/>
        <source>Issuing state {code} is in use but not in the ICAO list; check it is accepted here.</source>
        <translation>دولة الإصدار {code} مستخدمة لكنها ليست في قائمة الإيكاو؛ تحقق من قبولها هنا.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="168"/>
        <source>{code} is a nationality code; no document is issued by it.</source>
        <translation>{code} رمز جنسية؛ لا تصدر به أي وثيقة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="173"/>
        <source>Issuing state {code} is unknown: possible fantasy document.</source>
        <translation>دولة الإصدار {code} غير معروفة: احتمال وثيقة وهمية.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="177"/>
        <source>The MRZ has no issuing state field.</source>
        <translation>لا تحتوي منطقة القراءة الآلية على حقل دولة الإصدار.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="183"/>
        <source>Nationality {code} is known.</source>
        <translation>الجنسية {code} معروفة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="186"/>
        <source>Nationality {code} is in use but not in the ICAO list.</source>
        <translation>الجنسية {code} مستخدمة لكنها ليست في قائمة الإيكاو.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="191"/>
        <source>Nationality {code} is not a known code. Ask the traveller; check the printed data.</source>
        <translation>الجنسية {code} رمز غير معروف. اسأل المسافر وتحقق من البيانات المطبوعة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="197"/>
        <source>The MRZ has no nationality field.</source>
        <translation>لا تحتوي منطقة القراءة الآلية على حقل الجنسية.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="203"/>
        <source>No specimen or void marks found.</source>
        <translation>لم توجد علامات نموذج أو إلغاء.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="204"/>
        <source>This looks like a specimen or void document.</source>
        <translation>تبدو هذه وثيقة نموذجية أو ملغاة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="211"/>
        <source>Adult ({age} years old).</source>
        <translation>بالغ ({age} سنة).</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="213"/>
        <source>A minor ({age} years old). Check who is travelling with them.</source>
        <translation>قاصر ({age} سنة). تحقق ممن يرافقه في السفر.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="216"/>
        <source>The date of birth could not be read; the age is unknown.</source>
        <translation>تعذّرت قراءة تاريخ الميلاد؛ العمر غير معروف.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="222"/>
        <source>The MRZ has the {format} format.</source>
        <translation>منطقة القراءة الآلية بتنسيق {format}.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="225"/>
        <source>The text read is not an MRZ. Read the document again, or type the MRZ.</source>
        <translation>النص المقروء ليس منطقة قراءة آلية. أعد قراءة الوثيقة أو اكتب المنطقة يدويًا.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="235"/>
        <source>All check digits are correct.</source>
        <translation>جميع أرقام التحقق صحيحة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="238"/>
        <source>Wrong check digit: {failed}. Compare the MRZ with the printed data.</source>
        <translation>رقم تحقق خاطئ: {failed}. قارن منطقة القراءة الآلية بالبيانات المطبوعة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="243"/>
        <source>This document format has no check digits.</source>
        <translation>لا يحتوي تنسيق هذه الوثيقة على أرقام تحقق.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="248"/>
        <source>MRZ reading corrections</source>
        <translation>تصحيحات قراءة المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="250"/>
        <source>Read without corrections.</source>
        <translation>قُرئت دون تصحيحات.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="253"/>
        <source>The reader corrected characters in: {fields}. Check them against the document.</source>
        <translation>صحّح القارئ أحرفًا في: {fields}. تحقق منها مقابل الوثيقة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="261"/>
        <source>The reader put back fillers read as letters; no data changed.</source>
        <translation>أعاد القارئ رموز الحشو التي قُرئت كأحرف؛ لم تتغير أي بيانات.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="269"/>
        <source>MRZ dates</source>
        <translation>تواريخ المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="271"/>
        <source>The dates in the MRZ are possible.</source>
        <translation>التواريخ في منطقة القراءة الآلية ممكنة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="272"/>
        <source>Impossible dates in the MRZ. Compare with the printed data.</source>
        <translation>تواريخ مستحيلة في منطقة القراءة الآلية. قارن بالبيانات المطبوعة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="274"/>
        <source>The MRZ has no readable dates.</source>
        <translation>لا تحتوي منطقة القراءة الآلية على تواريخ مقروءة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="278"/>
        <source>MRZ fields</source>
        <translation>حقول المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="220"/>
        <source>MRZ format</source>
        <translation>شكل المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="543"/>
        <source>Advance passenger list</source>
        <translation>قائمة المسافرين المسبقة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="561"/>
        <source>Passenger record flag</source>
        <translation>علامة في سجل المسافر</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="530"/>
        <source>Lost or stolen documents</source>
        <translation>الوثائق المفقودة أو المسروقة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="328"/>
        <source>The UV pattern continues across the photo.</source>
        <translation>يمتد نمط الأشعة فوق البنفسجية عبر الصورة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="331"/>
        <source>The UV pattern stops at the photo&apos;s edge: the photo may be substituted.</source>
        <translation>يتوقف نمط الأشعة فوق البنفسجية عند حافة الصورة: ربما استُبدلت الصورة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="337"/>
        <source>Not done: no UV pattern around the photo on this page.</source>
        <translation>لم يُنفَّذ: لا يوجد نمط أشعة فوق بنفسجية حول الصورة في هذه الصفحة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="346"/>
        <source>The printed dates show the same ink under infrared.</source>
        <translation>تُظهر التواريخ المطبوعة الحبر نفسه تحت الأشعة تحت الحمراء.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="349"/>
        <source>A printed date fades under infrared: it may be altered. Compare with the MRZ.</source>
        <translation>يبهت تاريخ مطبوع تحت الأشعة تحت الحمراء: ربما عُدِّل. قارن بمنطقة القراءة الآلية.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="356"/>
        <source>Not done: no printed dates found.</source>
        <translation>لم يُنفَّذ: لم توجد تواريخ مطبوعة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="363"/>
        <source>Live photo</source>
        <translation>الصورة الحية</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="365"/>
        <source>A live photo of the traveller was taken.</source>
        <translation>التُقطت صورة حية للمسافر.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="368"/>
        <source>The live photo is blank (camera covered or broken). Take it again.</source>
        <translation>الصورة الحية فارغة (الكاميرا مغطاة أو معطلة). التقطها مجددًا.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="373"/>
        <source>The live photo cannot be used. Take it again.</source>
        <translation>لا يمكن استخدام الصورة الحية. التقطها مجددًا.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="376"/>
        <source>No live photo: compare the traveller with the document photo by eye.</source>
        <translation>لا توجد صورة حية: قارن المسافر بصورة الوثيقة بالعين.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="385"/>
        <source>The face matches the document photo (score {score}).</source>
        <translation>الوجه يطابق صورة الوثيقة (الدرجة {score}).</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="388"/>
        <source>The face does not match (score {score}, threshold {threshold}): compare by eye.</source>
        <translation>الوجه لا يطابق (الدرجة {score}، الحد {threshold}): قارن بالعين.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="395"/>
        <source>No live photo of the traveller was taken.</source>
        <translation>لم تُلتقط صورة حية للمسافر.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="400"/>
        <source>The document offers no photo to compare with.</source>
        <translation>لا تتضمن الوثيقة صورة للمقارنة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="405"/>
        <source>No face in the live photo: take it again, facing the camera.</source>
        <translation>لا يوجد وجه في الصورة الحية: التقطها مجددًا مواجهًا للكاميرا.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="410"/>
        <source>No face in the document photo: compare by eye.</source>
        <translation>لا يوجد وجه في صورة الوثيقة: قارن بالعين.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="413"/>
        <source>Face matching is not available at this booth.</source>
        <translation>مطابقة الوجه غير متاحة في هذا الكشك.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="420"/>
        <source>Chip security object</source>
        <translation>كائن أمان الشريحة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="422"/>
        <source>The chip&apos;s security object is missing or malformed.</source>
        <translation>كائن أمان الشريحة مفقود أو تالف.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="427"/>
        <source>Chip security object signature</source>
        <translation>توقيع كائن أمان الشريحة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="428"/>
        <source>The signature does not verify: the chip&apos;s data may have been altered.</source>
        <translation>التوقيع غير صحيح: ربما عُدّلت بيانات الشريحة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="429"/>
        <source>The signature could not be checked.</source>
        <translation>تعذّر التحقق من التوقيع.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="432"/>
        <source>Chip document signer certificate</source>
        <translation>شهادة موقّع الوثيقة في الشريحة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="433"/>
        <source>The signer is not trusted: the chip was not signed by a known issuing state.</source>
        <translation>الموقِّع غير موثوق: لم توقّع الشريحة دولة إصدار معروفة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="436"/>
        <source>The certificate chain could not be checked.</source>
        <translation>تعذّر التحقق من سلسلة الشهادات.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="439"/>
        <source>Chip document signer revocation</source>
        <translation>إلغاء شهادة موقّع الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="440"/>
        <source>The document signer&apos;s certificate is revoked.</source>
        <translation>شهادة موقّع الوثيقة ملغاة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="441"/>
        <source>Revocation could not be checked.</source>
        <translation>تعذّر التحقق من الإلغاء.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="444"/>
        <source>Chip data groups</source>
        <translation>مجموعات بيانات الشريحة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="446"/>
        <source>All data groups match the security object.</source>
        <translation>جميع مجموعات البيانات تطابق كائن الأمان.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="447"/>
        <source>Chip data was changed after signing: {mismatched}.</source>
        <translation>عُدّلت بيانات الشريحة بعد التوقيع: {mismatched}.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="448"/>
        <source>No data groups were read to compare.</source>
        <translation>لم تُقرأ مجموعات بيانات للمقارنة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="455"/>
        <source>The chip&apos;s MRZ equals the printed MRZ.</source>
        <translation>منطقة القراءة الآلية في الشريحة مطابقة للمطبوعة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="458"/>
        <source>The chip&apos;s MRZ differs from the printed MRZ.</source>
        <translation>منطقة القراءة الآلية في الشريحة تختلف عن المطبوعة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="461"/>
        <source>The chip&apos;s MRZ is missing or unreadable.</source>
        <translation>منطقة القراءة الآلية في الشريحة مفقودة أو غير مقروءة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="464"/>
        <source>No printed MRZ to compare the chip&apos;s MRZ with.</source>
        <translation>لا توجد منطقة قراءة آلية مطبوعة لمقارنة الشريحة بها.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="473"/>
        <location filename="../../ui/codes.py" line="502"/>
        <source>The chip proved it is the original chip.</source>
        <translation>أثبتت الشريحة أنها الشريحة الأصلية.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="476"/>
        <source>The chip did not answer the challenge: examine for a cloned chip.</source>
        <translation>لم تُجب الشريحة على التحدي: افحص احتمال شريحة مستنسخة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="483"/>
        <source>The chip&apos;s answer does not verify: the chip may be a clone.</source>
        <translation>إجابة الشريحة غير صحيحة: قد تكون الشريحة مستنسخة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="488"/>
        <source>This chip does not offer active authentication.</source>
        <translation>لا توفر هذه الشريحة المصادقة النشطة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="493"/>
        <source>Active authentication could not be checked.</source>
        <translation>تعذّر التحقق من المصادقة النشطة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="503"/>
        <source>Chip authentication failed: the chip may be a clone.</source>
        <translation>فشلت مصادقة الشريحة: قد تكون مستنسخة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="506"/>
        <source>Chip authentication was not performed.</source>
        <translation>لم تُجرَ مصادقة الشريحة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="513"/>
        <source>Watchlist</source>
        <translation>قائمة المراقبة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="515"/>
        <source>No match on the watchlist.</source>
        <translation>لا تطابق في قائمة المراقبة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="518"/>
        <source>Possible match with person of interest {person_id} (score {score}). See the detail.</source>
        <translation>تطابق محتمل مع شخص مطلوب {person_id} (الدرجة {score}). انظر التفاصيل.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="524"/>
        <source>No watchlist is loaded at this booth.</source>
        <translation>لا توجد قائمة مراقبة محمّلة في هذا الكشك.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="526"/>
        <source>No MRZ was read; the holder was not screened.</source>
        <translation>لم تُقرأ منطقة القراءة الآلية؛ لم يُفحص الحامل.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="532"/>
        <source>The document is not on the lost/stolen list.</source>
        <translation>الوثيقة ليست في قائمة المفقودات والمسروقات.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="533"/>
        <source>The document is on the lost/stolen list. See the detail.</source>
        <translation>الوثيقة مدرجة في قائمة المفقودات والمسروقات. انظر التفاصيل.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="536"/>
        <source>No lost/stolen document list is loaded at this booth.</source>
        <translation>لا توجد قائمة وثائق مفقودة أو مسروقة محمّلة في هذا الكشك.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="539"/>
        <source>No document number was read; not screened.</source>
        <translation>لم يُقرأ رقم الوثيقة؛ لم يُجرَ الفحص.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="545"/>
        <source>On the passenger list of flight {flight}.</source>
        <translation>مدرج في قائمة ركاب الرحلة {flight}.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="546"/>
        <source>Not on the advance passenger list of flight {flight}.</source>
        <translation>غير مدرج في قائمة الركاب المسبقة للرحلة {flight}.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="549"/>
        <source>No flight is known for this traveller.</source>
        <translation>لا توجد رحلة معروفة لهذا المسافر.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="554"/>
        <source>No advance passenger list for flight {flight}.</source>
        <translation>لا توجد قائمة ركاب مسبقة للرحلة {flight}.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="557"/>
        <source>The passenger list was not checked.</source>
        <translation>لم تُفحص قائمة الركاب.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="562"/>
        <source>Booking {pnr} is flagged {flag} (source: {source}).</source>
        <translation>الحجز {pnr} عليه إشارة {flag} (المصدر: {source}).</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="566"/>
        <source>An earlier entry has no exit recorded. See the detail.</source>
        <translation>دخول سابق بلا خروج مسجّل. انظر التفاصيل.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="569"/>
        <source>Travel history: stay</source>
        <translation>سجل السفر: مدة الإقامة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="571"/>
        <source>No open stay or overstay.</source>
        <translation>لا إقامة مفتوحة ولا تجاوز لمدة الإقامة.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="574"/>
        <source>A stay of {days} days exceeds the allowed {allowed_stay_days} days.</source>
        <translation>إقامة مدتها {days} يومًا تتجاوز المدة المسموح بها وهي {allowed_stay_days} يومًا.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="578"/>
        <source>Travel history not checked.</source>
        <translation>لم يُفحص سجل السفر.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="593"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="619"/>
        <source>{title}: check crashed</source>
        <translation>{title}: تعطّل الفحص</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="627"/>
        <source>This check could not be completed (software fault). Examine this part by hand.</source>
        <translation>تعذّر إكمال هذا الفحص (خلل برمجي). افحص هذا الجزء يدويًا.</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="565"/>
        <source>Travel history: open entry</source>
        <translation>سجل السفر: دخول بلا خروج</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="453"/>
        <source>Chip data agrees with the MRZ</source>
        <translation>بيانات الشريحة تطابق المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="417"/>
        <source>Chip signature (passive authentication)</source>
        <translation>توقيع الشريحة (المصادقة السلبية)</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="471"/>
        <source>Chip cloning check (active authentication)</source>
        <translation>فحص استنساخ الشريحة (المصادقة النشطة)</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="500"/>
        <source>Chip authentication</source>
        <translation>مصادقة الشريحة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="383"/>
        <source>Face comparison</source>
        <translation>مقارنة الوجه</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/login.py" line="93"/>
        <source>Screen locked</source>
        <translation>الشاشة مقفلة</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="94"/>
        <source>PIN</source>
        <translation>الرمز السري</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="95"/>
        <source>Log out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="100"/>
        <source>Officer %1: enter your PIN to continue.</source>
        <translation>الضابط %1: أدخل رمزك السري للمتابعة.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/login.py" line="59"/>
        <source>Border Station — log in</source>
        <translation>محطة الحدود — تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="60"/>
        <source>Officer ID</source>
        <translation>رقم الضابط</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="61"/>
        <source>PIN</source>
        <translation>الرمز السري</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="72"/>
        <source>Enter your officer ID and PIN.</source>
        <translation>أدخل رقم الضابط والرمز السري.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74"/>
        <source>Checking…</source>
        <translation>جارٍ التحقق…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>Border Station</source>
        <translation>محطة الحدود</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>Primary inspection</source>
        <translation>التفتيش الأولي</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>Second line</source>
        <translation>الخط الثاني</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>Supervisor</source>
        <translation>المشرف</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>Administration</source>
        <translation>الإدارة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>Lock [Ctrl+L]</source>
        <translation>قفل [Ctrl+L]</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>Log out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>%1 — officer %2 (%3)</source>
        <translation>%1 — الضابط %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="736"/>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>officer</source>
        <translation>ضابط</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="737"/>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>examiner</source>
        <translation>فاحص</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="738"/>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="739"/>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>administrator</source>
        <translation>مدير النظام</translation>
    </message>
</context>
<context>
    <name>PrimaryScreen</name>
    <message>
        <location filename="../../ui/primary.py" line="260"/>
        <source>Admit</source>
        <translation>سماح بالدخول</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="261"/>
        <source>Refuse</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="262"/>
        <source>Refer to second line</source>
        <translation>إحالة إلى الخط الثاني</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="263"/>
        <source>Protection</source>
        <translation>حماية</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="264"/>
        <source>Type MRZ</source>
        <translation>كتابة المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="265"/>
        <source>Next document (demo)</source>
        <translation>الوثيقة التالية (عرض)</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="269"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="270"/>
        <source>Type the MRZ lines as printed, then Enter (Escape: back)</source>
        <translation>اكتب أسطر المنطقة المقروءة آليًا كما هي مطبوعة، ثم Enter ‏(Escape: رجوع)</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="283"/>
        <source>Ready — present the next document</source>
        <translation>جاهز — قدّم الوثيقة التالية</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="296"/>
        <source>Reading the chip: %1 — %2 of %3 KB</source>
        <translation>قراءة الشريحة: %1 — %2 من %3 كيلوبايت</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="325"/>
        <source>The holder is a minor: consider the protection referral (F8).</source>
        <translation>الحامل قاصر: فكّر في الإحالة للحماية (F8).</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="348"/>
        <source>Lists: %1 loaded, newest %2</source>
        <translation>القوائم: %1 محمّلة، الأحدث %2</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="354"/>
        <source>Lists: none loaded</source>
        <translation>القوائم: لا شيء محمّل</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="399"/>
        <source>The scanner is reading the next document…</source>
        <translation>الماسح يقرأ الوثيقة التالية…</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="427"/>
        <source>Refuse entry: choose the reason (Enter: confirm, Escape: back)</source>
        <translation>رفض الدخول: اختر السبب (Enter: تأكيد، Escape: رجوع)</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="428"/>
        <source>Refer to second line: reason and note (Enter: confirm, Escape: back)</source>
        <translation>الإحالة إلى الخط الثاني: السبب والملاحظة (Enter: تأكيد، Escape: رجوع)</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="429"/>
        <source>Protection referral: the ground (Enter: confirm, Escape: back)</source>
        <translation>إحالة للحماية: السبب (Enter: تأكيد، Escape: رجوع)</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="432"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="432"/>
        <source>Ground</source>
        <translation>الأساس</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="445"/>
        <source>Explain the referral in the note.</source>
        <translation>اشرح سبب الإحالة في الملاحظة.</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="460"/>
        <source>Checking the typed MRZ…</source>
        <translation>جارٍ فحص المنطقة المقروءة آليًا المكتوبة…</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="466"/>
        <source>Saving the decision…</source>
        <translation>جارٍ حفظ القرار…</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="475"/>
        <source>admitted</source>
        <translation>سُمح بالدخول</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="475"/>
        <source>refused</source>
        <translation>رُفض</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="475"/>
        <source>referred</source>
        <translation>أُحيل</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="477"/>
        <source>Saved: %1. Ready for the next traveller.</source>
        <translation>تم الحفظ: %1. جاهز للمسافر التالي.</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="485"/>
        <source>Not saved: %1</source>
        <translation>لم يُحفظ: %1</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../ui/codes.py" line="654"/>
        <source>No valid travel document</source>
        <translation>لا توجد وثيقة سفر صالحة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="655"/>
        <source>False, counterfeit or forged travel document</source>
        <translation>وثيقة سفر مزيفة أو مقلدة أو مزورة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="656"/>
        <source>No valid visa or residence permit</source>
        <translation>لا توجد تأشيرة أو تصريح إقامة صالح</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="657"/>
        <source>False, counterfeit or forged visa or residence permit</source>
        <translation>تأشيرة أو تصريح إقامة مزيف أو مقلد أو مزور</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="658"/>
        <source>No documents justifying the purpose and conditions of stay</source>
        <translation>لا توجد مستندات تبرر غرض الإقامة وشروطها</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="659"/>
        <source>Has already stayed the maximum authorised period</source>
        <translation>استنفد بالفعل أقصى مدة إقامة مسموح بها</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="660"/>
        <source>Insufficient means of subsistence</source>
        <translation>عدم كفاية وسائل المعيشة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="661"/>
        <source>Alert issued for refusal of entry</source>
        <translation>صدر تنبيه برفض الدخول</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="662"/>
        <source>Threat to public policy, internal security or public health</source>
        <translation>تهديد للنظام العام أو الأمن الداخلي أو الصحة العامة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="665"/>
        <source>Document authenticity in doubt</source>
        <translation>الشك في صحة الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="666"/>
        <source>Identity or impostor doubt</source>
        <translation>الشك في الهوية أو انتحال الشخصية</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="667"/>
        <source>Watchlist or lost/stolen document hit</source>
        <translation>تطابق في قائمة المراقبة أو الوثائق المفقودة والمسروقة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="668"/>
        <source>Purpose or conditions of stay unclear</source>
        <translation>غرض الإقامة أو شروطها غير واضحة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="669"/>
        <source>Other (explain in the note)</source>
        <translation>أخرى (وضّح في الملاحظة)</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="672"/>
        <source>Asylum or protection request</source>
        <translation>طلب لجوء أو حماية</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="673"/>
        <source>Unaccompanied or separated minor</source>
        <translation>قاصر غير مصحوب أو منفصل عن ذويه</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="674"/>
        <source>Signs of trafficking in human beings</source>
        <translation>مؤشرات على الاتجار بالبشر</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="722"/>
        <source>refer</source>
        <translation>إحالة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="728"/>
        <source>second line</source>
        <translation>الخط الثاني</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="729"/>
        <source>protection</source>
        <translation>الحماية</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../ui/report.py" line="37"/>
        <source>Surname</source>
        <translation>اللقب</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="38"/>
        <source>Given names</source>
        <translation>الأسماء</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="39"/>
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="40"/>
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="46"/>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="49"/>
        <source>Date of expiry</source>
        <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="53"/>
        <source>Verdict</source>
        <translation>الحكم</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="57"/>
        <source>Final decision</source>
        <translation>القرار النهائي</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="61"/>
        <source>Examiner</source>
        <translation>الفاحص</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="62"/>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="63"/>
        <source>Inspection</source>
        <translation>التفتيش</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="68"/>
        <source>Booth</source>
        <translation>الكشك</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="81"/>
        <location filename="../../ui/report.py" line="110"/>
        <source>Second-line examination report</source>
        <translation>تقرير فحص الخط الثاني</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="82"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="83"/>
        <source>Security features checked</source>
        <translation>الميزات الأمنية التي فُحصت</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="84"/>
        <source>Automatic findings</source>
        <translation>النتائج الآلية</translation>
    </message>
    <message>
        <location filename="../../ui/report.py" line="85"/>
        <source>Images</source>
        <translation>الصور</translation>
    </message>
</context>
<context>
    <name>SecondLineScreen</name>
    <message>
        <location filename="../../ui/second_line.py" line="206"/>
        <source>Referrals</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="207"/>
        <source>Take referral [Enter]</source>
        <translation>استلام الإحالة [Enter]</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="208"/>
        <source>Refresh queue</source>
        <translation>تحديث القائمة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="209"/>
        <source>Record verdict and report [Ctrl+S]</source>
        <translation>تسجيل الحكم والتقرير [Ctrl+S]</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="210"/>
        <source>Hand back [Esc]</source>
        <translation>إعادة إلى القائمة [Esc]</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="211"/>
        <source>Verdict</source>
        <translation>الحكم</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="212"/>
        <source>Final decision</source>
        <translation>القرار النهائي</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="213"/>
        <source>Refusal reason</source>
        <translation>سبب الرفض</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="214"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="215"/>
        <source>Printed data: no page image</source>
        <translation>البيانات المطبوعة: لا صورة للصفحة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="216"/>
        <source>The printed data as scanned, to compare with the MRZ and the chip</source>
        <translation>البيانات المطبوعة كما مُسحت، لمقارنتها بالمنطقة المقروءة آليًا والشريحة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="217"/>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="217"/>
        <source>MRZ</source>
        <translation>المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="217"/>
        <source>Chip</source>
        <translation>الشريحة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="709"/>
        <source>genuine</source>
        <translation>أصلية</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="710"/>
        <source>counterfeit</source>
        <translation>مزيفة بالكامل</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="711"/>
        <source>forged</source>
        <translation>محرّفة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="712"/>
        <source>fraudulently obtained</source>
        <translation>حُصل عليها بالاحتيال</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="713"/>
        <source>impostor</source>
        <translation>منتحل شخصية</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="714"/>
        <source>inconclusive</source>
        <translation>غير حاسم</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="720"/>
        <location filename="../../ui/second_line.py" line="219"/>
        <source>admit</source>
        <translation>سماح بالدخول</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="721"/>
        <location filename="../../ui/second_line.py" line="219"/>
        <source>refuse</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="225"/>
        <source>UV: paper dull, fluorescent pattern present</source>
        <translation>فوق البنفسجية: الورق باهت والنمط المتألق موجود</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="226"/>
        <source>UV: pattern continues across the photo</source>
        <translation>فوق البنفسجية: النمط يمتد عبر الصورة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="227"/>
        <source>IR: MRZ and printed data in IR-absorbing ink</source>
        <translation>تحت الحمراء: المنطقة المقروءة آليًا والبيانات بحبر ماص للأشعة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="228"/>
        <source>IR: background artwork vanishes</source>
        <translation>تحت الحمراء: الرسوم الخلفية تختفي</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="229"/>
        <source>Photo: no signs of substitution</source>
        <translation>الصورة: لا علامات استبدال</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="230"/>
        <source>Printed data agrees with the MRZ</source>
        <translation>البيانات المطبوعة تطابق المنطقة المقروءة آليًا</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="231"/>
        <source>Printing: intaglio/offset quality, no toner</source>
        <translation>الطباعة: جودة غائرة/أوفست، بلا حبر ليزري</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="232"/>
        <source>Laminate and page intact</source>
        <translation>الغلاف الواقي والصفحة سليمان</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="266"/>
        <source> — held by %1</source>
        <translation> — لدى %1</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="331"/>
        <source>Take a referral from the queue (Enter).</source>
        <translation>استلم إحالة من القائمة (Enter).</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="343"/>
        <source>Referral: %1 — %2</source>
        <translation>إحالة: %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="364"/>
        <source>Reference specimen %1 (synthetic), in the light of the large view:</source>
        <translation>النموذج المرجعي %1 (اصطناعي)، بضوء العرض الكبير نفسه:</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="375"/>
        <source>no chip read</source>
        <translation>لم تُقرأ الشريحة</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="360"/>
        <source>Reference specimen for %1: none available at this booth.</source>
        <translation>العيّنة المرجعية لـ %1: غير متوفرة في هذا الكشك.</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="390"/>
        <source>The chip and the MRZ differ in this field</source>
        <translation>تختلف الشريحة ومنطقة القراءة الآلية في هذا الحقل</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="403"/>
        <source>No specimen image in this light</source>
        <translation>لا توجد صورة نموذج بهذا الضوء</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="493"/>
        <source>Saving the verdict and writing the report…</source>
        <translation>جارٍ حفظ الحكم وكتابة التقرير…</translation>
    </message>
    <message>
        <location filename="../../ui/second_line.py" line="502"/>
        <source>Verdict recorded; the report is stored and will be synced.</source>
        <translation>سُجّل الحكم؛ التقرير محفوظ وسيُزامن.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/widgets.py" line="46"/>
        <source>ready</source>
        <translation>جاهز</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="47"/>
        <source>reading</source>
        <translation>يقرأ</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="48"/>
        <source>disconnected</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="49"/>
        <source>error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="221"/>
        <source>Sync: offline booth</source>
        <translation>المزامنة: كشك غير متصل</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="225"/>
        <source>Sync backlog: %1</source>
        <translation>بانتظار المزامنة: %1</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="750"/>
        <source>not opened</source>
        <translation>غير مفتوح</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="751"/>
        <source>no picture from the camera</source>
        <translation>لا توجد صورة من الكاميرا</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="752"/>
        <source>camera not available</source>
        <translation>الكاميرا غير متاحة</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="753"/>
        <source>camera lost — check the cable</source>
        <translation>انقطع الاتصال بالكاميرا — تحقق من الكابل</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="754"/>
        <source>scan unreadable — scan the document again</source>
        <translation>المسح غير مقروء — امسح الوثيقة مجددًا</translation>
    </message>
    <message>
        <location filename="../../ui/codes.py" line="757"/>
        <source>read failed — present the document again</source>
        <translation>فشلت القراءة — قدّم الوثيقة مجددًا</translation>
    </message>
</context>
<context>
    <name>SupervisorScreen</name>
    <message>
        <location filename="../../ui/supervisor.py" line="89"/>
        <source>Booth health</source>
        <translation>حالة الكشك</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="90"/>
        <source>Sync now</source>
        <translation>زامن الآن</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="91"/>
        <source>Device</source>
        <translation>الجهاز</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="91"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="91"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="127"/>
        <source>Store: %1 MB free%2</source>
        <translation>التخزين: %1 ميغابايت متاحة%2</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="129"/>
        <source> — LOW SPACE</source>
        <translation> — المساحة منخفضة</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="135"/>
        <source>%1 of %2 records synced</source>
        <translation>زُومن %1 من %2 سجلًا</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="140"/>
        <source>Sync: this booth works offline (no central server configured).</source>
        <translation>المزامنة: هذا الكشك يعمل دون اتصال (لا خادم مركزي مُعدّ).</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="142"/>
        <source>never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="144"/>
        <source>Sync: %1 waiting, %2 files, %3 rejected; last success %4</source>
        <translation>المزامنة: %1 بالانتظار، %2 ملفات، %3 مرفوضة؛ آخر نجاح %4</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="151"/>
        <source>Last error: %1</source>
        <translation>آخر خطأ: %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="157"/>
        <source>Travellers</source>
        <translation>المسافرون</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="164"/>
        <source>Travellers per hour</source>
        <translation>المسافرون في الساعة</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="165"/>
        <source>admitted</source>
        <translation>سُمح بالدخول</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="165"/>
        <source>refused</source>
        <translation>رُفض</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="165"/>
        <source>referred</source>
        <translation>أُحيل</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="166"/>
        <source>Shift</source>
        <translation>المناوبة</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="167"/>
        <source>hits</source>
        <translation>تطابقات</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="175"/>
        <source>Decisions, referrals and hits</source>
        <translation>القرارات والإحالات والتطابقات</translation>
    </message>
</context>
<context>
    <name>TravellerPanel</name>
    <message>
        <location filename="../../ui/primary.py" line="97"/>
        <source>Surname</source>
        <translation>اللقب</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="98"/>
        <source>Given names</source>
        <translation>الأسماء</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="99"/>
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="100"/>
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="101"/>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="102"/>
        <source>Document number</source>
        <translation>رقم الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="103"/>
        <source>Issuing state</source>
        <translation>الدولة المُصدِرة</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="104"/>
        <source>Date of expiry</source>
        <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="108"/>
        <source>Document photo</source>
        <translation>صورة الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="109"/>
        <source>Live photo</source>
        <translation>الصورة الحية</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="110"/>
        <source>No photo</source>
        <translation>لا صورة</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="111"/>
        <source>No live camera</source>
        <translation>لا كاميرا حية</translation>
    </message>
    <message>
        <location filename="../../ui/primary.py" line="141"/>
        <source>MRZ not read — press F9 to type it</source>
        <translation>لم تُقرأ المنطقة المقروءة آليًا — اضغط F9 لكتابتها</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../ui/widgets.py" line="30"/>
        <source>CLEAR</source>
        <translation>سليم</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="31"/>
        <source>ATTENTION</source>
        <translation>انتباه</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="32"/>
        <source>STOP</source>
        <translation>توقف</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="38"/>
        <source>passed</source>
        <translation>ناجح</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="39"/>
        <source>failed</source>
        <translation>فاشل</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="40"/>
        <source>not checked</source>
        <translation>لم يُفحص</translation>
    </message>
</context>
</TS>
