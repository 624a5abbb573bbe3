<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BusinessSection</name>
    <message>
        <source>Interest</source>
        <translation>购车意向</translation>
    </message>
    <message>
        <source>&amp;Industry:</source>
        <translation>行业(&amp;I)：</translation>
    </message>
    <message>
        <source>Fleet si&amp;ze:</source>
        <translation>车队规模(&amp;Z)：</translation>
    </message>
    <message>
        <source>M&amp;odels:</source>
        <translation>意向车型(&amp;O)：</translation>
    </message>
    <message>
        <source>Purchase time&amp;frame:</source>
        <translation>购车时间(&amp;F)：</translation>
    </message>
    <message>
        <source>Financin&amp;g:</source>
        <translation>付款方式(&amp;G)：</translation>
    </message>
    <message>
        <source>Charge / swa&amp;p:</source>
        <translation>充电/换电(&amp;P)：</translation>
    </message>
    <message>
        <source>Rating:</source>
        <translation>评级：</translation>
    </message>
    <message>
        <source>Note&amp;s:</source>
        <translation>备注(&amp;S)：</translation>
    </message>
    <message>
        <source>trucks</source>
        <translation>辆</translation>
    </message>
    <message>
        <source>&amp;Hot</source>
        <translation>热(&amp;H)</translation>
    </message>
    <message>
        <source>Wa&amp;rm</source>
        <translation>温(&amp;R)</translation>
    </message>
    <message>
        <source>Col&amp;d</source>
        <translation>冷(&amp;D)</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
</context>
<context>
    <name>CaptureForm</name>
    <message>
        <source>Lead for %1: scan the badge or type the name.</source>
        <translation>为 %1 登记线索：请扫描胸卡或输入姓名。</translation>
    </message>
    <message>
        <source>Badge not recognised: its text was put in the notes.</source>
        <translation>未能识别胸卡内容：原文已放入备注。</translation>
    </message>
    <message>
        <source>Badge code %1 is not in the attendee list: it was put in the notes.</source>
        <translation>胸卡号 %1 不在参会名单中：已放入备注。</translation>
    </message>
    <message>
        <source>Badge read: %1.</source>
        <translation>已读取胸卡：%1。</translation>
    </message>
    <message>
        <source>The badge differs from what was typed for: %1. What you typed was kept.</source>
        <translation>胸卡内容与已输入的不同：%1。已保留您输入的内容。</translation>
    </message>
    <message>
        <source>The two leads were merged; the history is kept.</source>
        <translation>两条线索已合并，历史记录已保留。</translation>
    </message>
    <message>
        <source>Saved at %1: %2. Ready for the next visitor.</source>
        <translation>%1 已保存：%2。可以登记下一位访客了。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Not saved: %1 Everything you typed is still here.</source>
        <translation>未保存：%1 您输入的内容都还在。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved yet: please fix the marked fields.</source>
        <translation>尚未保存：请修改标出的栏目。</translation>
    </message>
    <message>
        <source>The form was emptied. Changed your mind? You can still restore it.</source>
        <translation>表单已清空。改主意了？仍可恢复。</translation>
    </message>
    <message>
        <source>The unsaved lead is back in the form.</source>
        <translation>未保存的线索已恢复到表单中。</translation>
    </message>
    <message>
        <source>Captured by: nobody signed in</source>
        <translation>登记人：未登录</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Captured by: %1</source>
        <translation>登记人：%1</translation>
    </message>
    <message>
        <source>Switch person…</source>
        <translation>换人…</translation>
    </message>
</context>
<context>
    <name>CaptureLayout</name>
    <message>
        <source>New lead</source>
        <translation>登记线索</translation>
    </message>
    <message>
        <source>&amp;Badge:</source>
        <translation>胸卡(&amp;B)：</translation>
    </message>
    <message>
        <source>Scan a badge anywhere on this screen, or type a badge code and press Enter</source>
        <translation>在本页任意位置扫描胸卡，或输入胸卡号后按回车</translation>
    </message>
    <message>
        <source>Save and next</source>
        <translation>保存并登记下一位</translation>
    </message>
    <message>
        <source>Save this lead and start the next one (Ctrl+S)</source>
        <translation>保存这条线索并开始下一条（Ctrl+S）</translation>
    </message>
    <message>
        <source>Empt&amp;y form</source>
        <translation>清空表单(&amp;Y)</translation>
    </message>
    <message>
        <source>Ctrl+S saves · Ctrl+Enter: visitor agrees, save</source>
        <translation>Ctrl+S 保存 · Ctrl+Enter：访客同意并保存</translation>
    </message>
    <message>
        <source>Use the badge&apos;s values</source>
        <translation>改用胸卡上的内容</translation>
    </message>
</context>
<context>
    <name>ConsentBox</name>
    <message>
        <source>Consent</source>
        <translation>同意声明</translation>
    </message>
    <message>
        <source>The &amp;visitor agrees to the text above (required)</source>
        <translation>访客同意以上内容（必选）(&amp;V)</translation>
    </message>
    <message>
        <source>Visitor agrees — save</source>
        <translation>访客同意并保存</translation>
    </message>
    <message>
        <source>The visitor has read the text above and agrees: tick it for them and save the lead (Ctrl+Enter)</source>
        <translation>访客已阅读并同意上方文字：为其勾选同意并保存线索（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>DraftBanner</name>
    <message>
        <source>A lead that was being typed (%1) was not saved — the app closed at %2.</source>
        <translation>有一条正在填写的线索（%1）未保存——程序于 %2 关闭。</translation>
    </message>
    <message>
        <source>no name yet</source>
        <translation>尚无姓名</translation>
    </message>
    <message>
        <source>Restore it</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
</context>
<context>
    <name>DuplicateBanner</name>
    <message>
        <source>same mobile</source>
        <translation>手机号相同</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>similar name and company</source>
        <translation>姓名和单位相近</translation>
    </message>
    <message>
        <source>Possibly captured before: %1 — %2, %3.</source>
        <translation>可能已登记过：%1 ——%2，%3。</translation>
    </message>
    <message>
        <source>time unknown</source>
        <translation>时间不详</translation>
    </message>
    <message>
        <source>(and %1 more)</source>
        <translation>（另有 %1 条）</translation>
    </message>
    <message>
        <source>Save and merge…</source>
        <translation>保存并合并…</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>不是同一人</translation>
    </message>
</context>
<context>
    <name>InterestEditor</name>
    <message>
        <source>No model matches “%1”.</source>
        <translation>没有与“%1”相符的车型。</translation>
    </message>
    <message>
        <source>Remove this model</source>
        <translation>移除此车型</translation>
    </message>
    <message>
        <source>Type a model name or code…</source>
        <translation>输入车型名称或代码…</translation>
    </message>
    <message>
        <source>&amp;Qty:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two leads of one person.</source>
        <translation>合并同一人的两条线索。</translation>
    </message>
    <message>
        <source>Merging needs a manager. A manager can approve it here with their PIN.</source>
        <translation>合并需要经理权限。经理可在此输入 PIN 批准。</translation>
    </message>
    <message>
        <source>Approved by: %1 (manager).</source>
        <translation>批准人：%1（经理）。</translation>
    </message>
    <message>
        <source>Merge two leads</source>
        <translation>合并两条线索</translation>
    </message>
    <message>
        <source>These two leads may be one person. Pick, line by line, the value to keep. The lead that is merged away stays as history, linked to the one that stays; models of interest are combined.</source>
        <translation>这两条线索可能是同一个人。请逐行选择要保留的内容。被合并的线索作为历史记录保留，并关联到保留的线索；意向车型会合在一起。</translation>
    </message>
    <message>
        <source>The lead that stays:</source>
        <translation>保留的线索：</translation>
    </message>
    <message>
        <source>%1 (captured %2)</source>
        <translation>%1（登记于 %2）</translation>
    </message>
    <message>
        <source>Lead %1</source>
        <translation>线索 %1</translation>
    </message>
    <message>
        <source>Models (combined)</source>
        <translation>意向车型（合并）</translation>
    </message>
    <message>
        <source>Keep both notes</source>
        <translation>两条备注都保留</translation>
    </message>
    <message>
        <source>Approve with a manager&apos;s PIN…</source>
        <translation>经理输入 PIN 批准…</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>座机</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Fleet size</source>
        <translation>车队规模</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PersonSection</name>
    <message>
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>职务(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>单位(&amp;C)：</translation>
    </message>
    <message>
        <source>Credit code (&amp;USCC):</source>
        <translation>统一社会信用代码(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>手机(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Landline:</source>
        <translation>座机(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;WeChat ID:</source>
        <translation>微信号(&amp;W)：</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91520900MA6DK1XX3U</source>
        <translation>18 位，例如 91520900MA6DK1XX3U</translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000</source>
        <translation>例如 138 0013 8000</translation>
    </message>
    <message>
        <source>e.g. 0851-8555 1234</source>
        <translation>例如 0851-8555 1234</translation>
    </message>
</context>
</TS>
