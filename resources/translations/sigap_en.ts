<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="id_ID">
<context>
    <name>AmountDialog</name>
    <message>
        <source>Ubah jumlah klaim</source>
        <translation>Change the claim amount</translation>
    </message>
    <message>
        <source>Jumlah menurut aturan: {computed}. Jumlah yang Anda tulis menggantikannya; alasannya dicatat bersama nama Anda.</source>
        <translation>Amount under the rules: {computed}. The amount you write replaces it; the reason is recorded with your name.</translation>
    </message>
    <message>
        <source>mis. 1.000.000</source>
        <translation>e.g. 1.000.000</translation>
    </message>
    <message>
        <source>mis. nomor surat keputusan</source>
        <translation>e.g. the number of the decision letter</translation>
    </message>
    <message>
        <source>&amp;Jumlah (Rp):</source>
        <translation>&amp;Amount (Rp):</translation>
    </message>
    <message>
        <source>&amp;Alasan:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Jumlah tidak boleh kurang dari Rp0.</source>
        <translation>The amount cannot be less than Rp0.</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Memperbarui basis data {file}</source>
        <translation>Upgrading database {file}</translation>
    </message>
    <message>
        <source>Sigap</source>
        <translation>Sigap</translation>
    </message>
    <message>
        <source>Pilih berkas lain…</source>
        <translation>Choose another file…</translation>
    </message>
    <message>
        <source>Basis data hanya-baca</source>
        <translation>Read-only database</translation>
    </message>
    <message>
        <source>{reason}

Lihat datanya saja, atau pilih berkas lain?</source>
        <translation>{reason}

View the data only, or choose another file?</translation>
    </message>
    <message>
        <source>Lihat saja (hanya-baca)</source>
        <translation>View only (read-only)</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Buka basis data</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>Basis data Sigap (*.db);;Semua berkas (*)</source>
        <translation>Sigap databases (*.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>Benefit</name>
    <message>
        <source>Santunan berkala {months} × {monthly} (dibayar sekaligus)</source>
        <translation>Periodic benefit {months} × {monthly} (paid at once)</translation>
    </message>
    <message>
        <source>Santunan sekaligus</source>
        <translation>Lump-sum benefit</translation>
    </message>
    <message>
        <source>Biaya pemakaman</source>
        <translation>Funeral costs</translation>
    </message>
    <message>
        <source>Santunan kematian {times} × penghasilan {income}</source>
        <translation>Death benefit {times} × income {income}</translation>
    </message>
    <message>
        <source>Santunan cacat total tetap {times} × penghasilan {income}</source>
        <translation>Total permanent disability benefit {times} × income {income}</translation>
    </message>
    <message>
        <source>STMB 100% penghasilan, {days} hari</source>
        <translation>Temporary incapacity (STMB) 100% of income, {days} days</translation>
    </message>
    <message>
        <source>STMB {percent}% penghasilan, {days} hari</source>
        <translation>Temporary incapacity (STMB) {percent}% of income, {days} days</translation>
    </message>
    <message>
        <source>Beasiswa anak ke-{n} ({level}) untuk satu tahun</source>
        <translation>Scholarship for child {n} ({level}) for one year</translation>
    </message>
    <message>
        <source>Santunan kematian</source>
        <translation>Death benefit</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <source>Pegawai Non-ASN dan GTK</source>
        <translation>Non-civil-servant staff and teachers (GTK)</translation>
    </message>
    <message>
        <source>Perangkat Desa</source>
        <translation>Village officials</translation>
    </message>
    <message>
        <source>BPD</source>
        <translation>Village council (BPD)</translation>
    </message>
    <message>
        <source>Ketua RT/RW</source>
        <translation>Neighbourhood heads (RT/RW)</translation>
    </message>
    <message>
        <source>Kelembagaan Desa</source>
        <translation>Village institutions</translation>
    </message>
    <message>
        <source>Pekerja Rentan</source>
        <translation>Vulnerable workers</translation>
    </message>
</context>
<context>
    <name>ClaimDetail</name>
    <message>
        <source>{days} hari kerja lagi</source>
        <translation>{days} working days left</translation>
    </message>
    <message>
        <source>{days} hari lagi</source>
        <translation>{days} days left</translation>
    </message>
    <message>
        <source>hari ini batasnya</source>
        <translation>due today</translation>
    </message>
    <message>
        <source>lewat {days} hari kerja</source>
        <translation>{days} working days overdue</translation>
    </message>
    <message>
        <source>lewat {days} hari</source>
        <translation>{days} days overdue</translation>
    </message>
    <message>
        <source>Nama:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>NIK:</source>
        <translation>NIK:</translation>
    </message>
    <message>
        <source>No. KK:</source>
        <translation>KK no.:</translation>
    </message>
    <message>
        <source>Lahir:</source>
        <translation>Born:</translation>
    </message>
    <message>
        <source>Peserta:</source>
        <translation>On the roster:</translation>
    </message>
    <message>
        <source>ya, di daftar peserta</source>
        <translation>yes, on the roster</translation>
    </message>
    <message>
        <source>bukan peserta</source>
        <translation>no (not a worker)</translation>
    </message>
    <message>
        <source>Kec. {name}</source>
        <translation>Kecamatan {name}</translation>
    </message>
    <message>
        <source>Desa:</source>
        <translation>Village:</translation>
    </message>
    <message>
        <source>Dilaporkan:</source>
        <translation>Reported:</translation>
    </message>
    <message>
        <source>Akta kematian:</source>
        <translation>Death certificate:</translation>
    </message>
    <message>
        <source>belum dicatat</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>Desil DTSEN:</source>
        <translation>DTSEN decile:</translation>
    </message>
    <message>
        <source>Kecelakaan lalu lintas:</source>
        <translation>Traffic accident:</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Tidak mampu bekerja:</source>
        <translation>Unable to work:</translation>
    </message>
    <message>
        <source>{days} hari</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Berkas lengkap:</source>
        <translation>File complete:</translation>
    </message>
    <message>
        <source>Diverifikasi:</source>
        <translation>Verified:</translation>
    </message>
    <message>
        <source>Batas waktu:</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <source>jam berhenti</source>
        <translation>clock stopped</translation>
    </message>
    <message>
        <source>Sisa waktu:</source>
        <translation>Time left:</translation>
    </message>
    <message>
        <source>Batas waktu mulai dihitung saat berkas lengkap dan diverifikasi: pembayaran paling lambat {days} hari kerja sesudahnya.</source>
        <translation>The deadline starts once the file is complete and verified: payment at the latest {days} working days later.</translation>
    </message>
    <message>
        <source>Batas waktu mulai dihitung saat berkas lengkap dan diverifikasi: pembayaran paling lambat {days} hari sesudahnya.</source>
        <translation>The deadline starts once the file is complete and verified: payment at the latest {days} days later.</translation>
    </message>
    <message>
        <source>Batas waktu sudah lewat: segera putuskan dan bayarkan klaim ini.</source>
        <translation>The deadline has passed: decide and pay this claim right away.</translation>
    </message>
    <message>
        <source>Batas waktu sudah dekat.</source>
        <translation>The deadline is near.</translation>
    </message>
    <message>
        <source>Jumlah belum dapat dihitung untuk klaim ini.</source>
        <translation>The amount cannot be worked out for this claim yet.</translation>
    </message>
    <message>
        <source>Jumlah menurut aturan</source>
        <translation>Amount under the rules</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Jumlah diubah admin</source>
        <translation>Amount changed by the admin</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Dibayarkan</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Alasan perubahan: {reason}</source>
        <translation>Reason for the change: {reason}</translation>
    </message>
    <message>
        <source>Belum ada langkah.</source>
        <translation>No steps yet.</translation>
    </message>
    <message>
        <source>{date} · {status}</source>
        <translation>{date} · {status}</translation>
    </message>
    <message>
        <source>Dicatat {time}</source>
        <translation>Recorded {time}</translation>
    </message>
    <message>
        <source>oleh {name} ({role})</source>
        <translation>by {name} ({role})</translation>
    </message>
    <message>
        <source>oleh {name}</source>
        <translation>by {name}</translation>
    </message>
    <message>
        <source>Alasan: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <source>Tidak berlaku: langkah ini tidak boleh diambil dari status klaim saat itu (misalnya dicatat kantor lain sebelum sinkronisasi).</source>
        <translation>Not applied: this step could not be taken from the claim&apos;s status at the time (for example, another office recorded a step before syncing).</translation>
    </message>
</context>
<context>
    <name>ClaimDetailView</name>
    <message>
        <source>Tampilkan nomor lengkap</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>Pilih klaim di daftar untuk melihat rinciannya.</source>
        <translation>Choose a claim in the list to see its details.</translation>
    </message>
    <message>
        <source>Subjek</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Status dan batas waktu</source>
        <translation>Status and deadline</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Heirs</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Tanda periksa</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <source>{kind} · {status}</source>
        <translation>{kind} · {status}</translation>
    </message>
    <message>
        <source>Klaim sudah selesai: tidak ada langkah lagi.</source>
        <translation>The claim is finished: there are no more steps.</translation>
    </message>
    <message>
        <source>Tidak ada langkah yang boleh Anda ambil pada status ini.</source>
        <translation>There is no step you may take at this status.</translation>
    </message>
    <message>
        <source>Kantor belum disiapkan: siapkan kantor dulu.</source>
        <translation>The office is not set up: set up the office first.</translation>
    </message>
    <message>
        <source>Belum ada ahli waris.</source>
        <translation>No heirs yet.</translation>
    </message>
    <message>
        <source>Penerima pembayaran belum dicatat: wajib sebelum klaim direkomendasikan atau diverifikasi.</source>
        <translation>No payee recorded yet: required before the claim is recommended or verified.</translation>
    </message>
    <message>
        <source>Tambah ahli &amp;waris…</source>
        <translation>&amp;Add heir…</translation>
    </message>
    <message>
        <source>{name} — {relationship}</source>
        <translation>{name} — {relationship}</translation>
    </message>
    <message>
        <source>NIK {nik}</source>
        <translation>NIK {nik}</translation>
    </message>
    <message>
        <source>Bersekolah: {level}</source>
        <translation>At school: {level}</translation>
    </message>
    <message>
        <source>rekening {account}</source>
        <translation>account {account}</translation>
    </message>
    <message>
        <source>a.n. {holder}</source>
        <translation>in the name of {holder}</translation>
    </message>
    <message>
        <source>Penerima pembayaran: {account}</source>
        <translation>Payee: {account}</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Hapus ahli waris</source>
        <translation>Remove heir</translation>
    </message>
    <message>
        <source>Hapus {name} dari daftar ahli waris klaim ini?</source>
        <translation>Remove {name} from the heirs of this claim?</translation>
    </message>
    <message>
        <source>Belum diterima: {items}.</source>
        <translation>Not received yet: {items}.</translation>
    </message>
    <message>
        <source>Berkas lengkap sejak {date}.</source>
        <translation>File complete since {date}.</translation>
    </message>
    <message>
        <source>{mark} wajib untuk klaim ini</source>
        <translation>{mark} required for this claim</translation>
    </message>
    <message>
        <source>wajib</source>
        <translation>required</translation>
    </message>
    <message>
        <source>diterima {date}</source>
        <translation>received {date}</translation>
    </message>
    <message>
        <source>Catatan: {note}</source>
        <translation>Note: {note}</translation>
    </message>
    <message>
        <source>Dokumen diterima</source>
        <translation>Document received</translation>
    </message>
    <message>
        <source>{document} diterima untuk klaim ini.</source>
        <translation>{document} received for this claim.</translation>
    </message>
    <message>
        <source>&amp;Tandai diterima</source>
        <translation>&amp;Mark received</translation>
    </message>
    <message>
        <source>Tanggal diterima</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>Dokumen belum diterima</source>
        <translation>Document not received</translation>
    </message>
    <message>
        <source>Tandai {document} sebagai belum diterima? Tanggal terimanya dihapus; catatannya tetap.</source>
        <translation>Mark {document} as not received? Its date of receipt is removed; its note stays.</translation>
    </message>
    <message>
        <source>Tandai belum diterima</source>
        <translation>Mark not received</translation>
    </message>
    <message>
        <source>Ubah &amp;data klaim…</source>
        <translation>Change claim &amp;details…</translation>
    </message>
    <message>
        <source>Akta kematian, desil DTSEN, kecelakaan lalu lintas, hari tidak mampu bekerja</source>
        <translation>Death certificate, DTSEN decile, traffic accident, days unable to work</translation>
    </message>
    <message>
        <source>Ubah &amp;jumlah…</source>
        <translation>Change a&amp;mount…</translation>
    </message>
    <message>
        <source>Jumlah klaim yang sudah diputuskan tidak dapat diubah lagi.</source>
        <translation>The amount of a decided claim can no longer be changed.</translation>
    </message>
    <message>
        <source>Tidak ada tanda periksa yang terbuka.</source>
        <translation>No open flags.</translation>
    </message>
    <message>
        <source>Hapus tanda…</source>
        <translation>Remove flag…</translation>
    </message>
    <message>
        <source>Admin kabupaten memeriksa dan menghapus tanda ini.</source>
        <translation>The regency admin checks and removes this flag.</translation>
    </message>
</context>
<context>
    <name>ClaimFilters</name>
    <message>
        <source>Cari nama atau NIK…</source>
        <translation>Search name or NIK…</translation>
    </message>
    <message>
        <source>Semua jenis</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Kecamatan (ketik untuk mencari)</source>
        <translation>District (type to search)</translation>
    </message>
    <message>
        <source>Desa atau kelurahan (pilih kecamatan dulu)</source>
        <translation>Village (choose a district first)</translation>
    </message>
    <message>
        <source>Lewat batas waktu</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Klaim yang batas waktu keputusannya sudah lewat dan belum selesai</source>
        <translation>Claims whose decision deadline has passed and that are not finished</translation>
    </message>
    <message>
        <source>Jatuh tempo dalam</source>
        <translation>Due within</translation>
    </message>
    <message>
        <source>Klaim yang batas waktunya jatuh dalam sekian hari ke depan</source>
        <translation>Claims whose deadline falls within this many days</translation>
    </message>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Perlu diperiksa</source>
        <translation>Needs checking</translation>
    </message>
    <message>
        <source>Klaim dengan tanda yang belum diselesaikan admin (lihat kolom Tanda)</source>
        <translation>Claims with flags the admin has not settled yet (see the Flags column)</translation>
    </message>
    <message>
        <source>Hap&amp;us filter</source>
        <translation>Cl&amp;ear filters</translation>
    </message>
    <message>
        <source>Semua kecamatan</source>
        <translation>All districts</translation>
    </message>
    <message>
        <source>Semua desa</source>
        <translation>All villages</translation>
    </message>
</context>
<context>
    <name>ClaimKind</name>
    <message>
        <source>Jaminan Kematian (JKM)</source>
        <translation>Death benefit (JKM)</translation>
    </message>
    <message>
        <source>JKK – Meninggal Dunia</source>
        <translation>Work accident (JKK) – death</translation>
    </message>
    <message>
        <source>JKK – Cacat Total Tetap</source>
        <translation>Work accident (JKK) – total permanent disability</translation>
    </message>
    <message>
        <source>JKK – Sementara Tidak Mampu Bekerja (STMB)</source>
        <translation>Work accident (JKK) – temporary incapacity (STMB)</translation>
    </message>
    <message>
        <source>Santunan Kematian</source>
        <translation>Regency death benefit</translation>
    </message>
</context>
<context>
    <name>ClaimRules</name>
    <message>
        <source>Tanggal meninggal</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <source>Tanggal kecelakaan</source>
        <translation>Date of accident</translation>
    </message>
    <message>
        <source>mulai {start}</source>
        <translation>from {start}</translation>
    </message>
    <message>
        <source>{start} sampai {end}</source>
        <translation>{start} to {end}</translation>
    </message>
</context>
<context>
    <name>ClaimService</name>
    <message>
        <source>Tanggal dokumen diterima</source>
        <translation>Date the document was received</translation>
    </message>
    <message>
        <source>Tanggal lapor</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>Tanggal langkah</source>
        <translation>Date of the step</translation>
    </message>
</context>
<context>
    <name>ClaimStatus</name>
    <message>
        <source>Diusulkan</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Dikembalikan</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Direkomendasikan</source>
        <translation>Recommended</translation>
    </message>
    <message>
        <source>Diverifikasi</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Dicairkan</source>
        <translation>Paid out</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Diajukan ke BPJS</source>
        <translation>Filed with BPJS</translation>
    </message>
    <message>
        <source>Dibayar BPJS</source>
        <translation>Paid by BPJS</translation>
    </message>
</context>
<context>
    <name>ClaimStep</name>
    <message>
        <source>Usulkan</source>
        <translation>Propose</translation>
    </message>
    <message>
        <source>Kembalikan</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Rekomendasikan</source>
        <translation>Recommend</translation>
    </message>
    <message>
        <source>Verifikasi</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Catat pencairan</source>
        <translation>Record payout</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <translation>Cancel claim</translation>
    </message>
    <message>
        <source>Ajukan ke BPJS</source>
        <translation>File with BPJS</translation>
    </message>
    <message>
        <source>Catat pembayaran BPJS</source>
        <translation>Record BPJS payment</translation>
    </message>
</context>
<context>
    <name>ClaimStepDialog</name>
    <message>
        <source>Klaim {name} akan berstatus {status}.</source>
        <translation>The claim of {name} will become {status}.</translation>
    </message>
    <message>
        <source>Tuliskan alasannya: kantor lain dan ahli waris membacanya.</source>
        <translation>Write down the reason: other offices and the heirs will read it.</translation>
    </message>
    <message>
        <source>Nomor SK</source>
        <translation>Decision (SK) number</translation>
    </message>
    <message>
        <source>Referensi transfer</source>
        <translation>Transfer reference</translation>
    </message>
    <message>
        <source>Tanggal langkah</source>
        <translation>Date of the step</translation>
    </message>
    <message>
        <source>Hapus tanda periksa</source>
        <translation>Remove flag</translation>
    </message>
    <message>
        <source>Tanda ini: {message}

Tuliskan apa yang sudah diperiksa dan hasilnya; alasan ini dicatat bersama nama Anda.</source>
        <translation>This flag: {message}

Write down what was checked and what was found; this reason is recorded with your name.</translation>
    </message>
    <message>
        <source>Hapus tanda</source>
        <translation>Remove flag</translation>
    </message>
</context>
<context>
    <name>ClaimsModel</name>
    <message>
        <source>lewat {days} hari</source>
        <translation>{days} days overdue</translation>
    </message>
    <message>
        <source>hari ini</source>
        <translation>today</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kecamatan / Desa</source>
        <translation>District / Village</translation>
    </message>
    <message>
        <source>Kejadian</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Batas</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Sisa hari</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>Tanda</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Jenis klaim (nama lengkapnya di tooltip baris)</source>
        <translation>Claim kind (the full name is in the row&apos;s tooltip)</translation>
    </message>
    <message>
        <source>Nama peserta atau almarhum yang diklaim</source>
        <translation>Name of the worker or of the deceased the claim is for</translation>
    </message>
    <message>
        <source>Kecamatan dan desa tempat tinggalnya</source>
        <translation>District and village where they lived</translation>
    </message>
    <message>
        <source>Tanggal meninggal atau kecelakaan</source>
        <translation>Date of death or of the accident</translation>
    </message>
    <message>
        <source>Tahap klaim sekarang</source>
        <translation>Current stage of the claim</translation>
    </message>
    <message>
        <source>Batas waktu keputusan: 7 hari setelah berkas lengkap dan diverifikasi</source>
        <translation type="vanished">Decision deadline: 7 days after the file is complete and verified</translation>
    </message>
    <message>
        <source>Batas waktu keputusan, dihitung dari hari berkas lengkap dan diverifikasi</source>
        <translation>Decision deadline, counted from the day the file is complete and verified</translation>
    </message>
    <message>
        <source>Hari yang tersisa sampai batas waktu (merah: sudah lewat, kuning: segera jatuh tempo)</source>
        <translation>Days left until the deadline (red: passed, yellow: due soon)</translation>
    </message>
    <message>
        <source>Perlu diperiksa: klaim dengan tanda yang belum diselesaikan admin</source>
        <translation>Needs checking: claims with flags the admin has not settled yet</translation>
    </message>
    <message>
        <source>JKM</source>
        <translation>JKM</translation>
    </message>
    <message>
        <source>JKK meninggal</source>
        <translation>JKK death</translation>
    </message>
    <message>
        <source>JKK cacat</source>
        <translation>JKK disability</translation>
    </message>
    <message>
        <source>JKK STMB</source>
        <translation>JKK STMB</translation>
    </message>
    <message>
        <source>Santunan</source>
        <translation>Regency benefit</translation>
    </message>
    <message>
        <source>rekening penerima juga dipakai klaim lain</source>
        <translation>payee account also used by another claim</translation>
    </message>
    <message>
        <source>NIK ahli waris sama dengan NIK yang diklaim</source>
        <translation>heir&apos;s NIK same as the claimed person&apos;s NIK</translation>
    </message>
    <message>
        <source>penerima bukan ahli waris urutan pertama</source>
        <translation>payee is not first in the order of heirs</translation>
    </message>
    <message>
        <source>meninggal di awal masa kepesertaan</source>
        <translation>died early in the coverage period</translation>
    </message>
    <message>
        <source>tercatat di luar kabupaten</source>
        <translation>recorded outside the regency</translation>
    </message>
    <message>
        <source>desil DTSEN di atas batas</source>
        <translation>DTSEN decile above the limit</translation>
    </message>
    <message>
        <source>desil DTSEN belum dicatat</source>
        <translation>DTSEN decile not recorded</translation>
    </message>
    <message>
        <source>{days} hari</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <source>Belum ada batas waktu: hitungan {days} hari kerja dimulai setelah berkas lengkap dan diverifikasi.</source>
        <translation>No deadline yet: the {days} working days are counted from when the file is complete and verified.</translation>
    </message>
    <message>
        <source>Belum ada batas waktu: hitungan {days} hari dimulai setelah berkas lengkap dan diverifikasi.</source>
        <translation>No deadline yet: the {days} days are counted from when the file is complete and verified.</translation>
    </message>
    <message>
        <source>Belum ada batas waktu: hitungan 7 hari dimulai setelah berkas lengkap dan diverifikasi.</source>
        <translation type="vanished">No deadline yet: the 7 days are counted from when the file is complete and verified.</translation>
    </message>
    <message>
        <source>Batas waktu {date}; hitungan harinya sudah berhenti.</source>
        <translation>Deadline {date}; the count of days has stopped.</translation>
    </message>
    <message>
        <source>Batas waktu {date} sudah lewat.</source>
        <translation>Deadline {date} has passed.</translation>
    </message>
    <message>
        <source>Segera jatuh tempo: batas waktu {date}.</source>
        <translation>Due soon: deadline {date}.</translation>
    </message>
    <message>
        <source>Batas waktu {date} (dihitung dalam hari kerja).</source>
        <translation>Deadline {date} (counted in working days).</translation>
    </message>
    <message>
        <source>Batas waktu {date}.</source>
        <translation>Deadline {date}.</translation>
    </message>
    <message>
        <source>Perlu diperiksa:</source>
        <translation>Needs checking:</translation>
    </message>
    <message>
        <source>{count} tanda belum diselesaikan</source>
        <translation>Flags not yet settled: {count}</translation>
    </message>
    <message>
        <source>{name}
NIK {nik}</source>
        <translation>{name}
NIK {nik}</translation>
    </message>
    <message>
        <source>Desa {name} ({code})</source>
        <translation>Village {name} ({code})</translation>
    </message>
    <message>
        <source>Kecamatan {name}</source>
        <translation>Kecamatan {name}</translation>
    </message>
    <message>
        <source>Kejadian {event}, dilaporkan desa {reported}</source>
        <translation>Event {event}, reported by the village {reported}</translation>
    </message>
</context>
<context>
    <name>ClaimsTab</name>
    <message>
        <source>klaim tercatat</source>
        <translation type="vanished">claims recorded</translation>
    </message>
    <message>
        <source>langkah klaim tercatat</source>
        <translation type="vanished">claim steps recorded</translation>
    </message>
    <message>
        <source>ahli waris tercatat</source>
        <translation type="vanished">heirs recorded</translation>
    </message>
    <message>
        <source>Kla&amp;im baru…</source>
        <translation>&amp;New claim…</translation>
    </message>
    <message>
        <source>Klaim</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>Hapus filter</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Siapkan kantor dulu (Berkas → Siapkan kantor…).</source>
        <translation>Set up the office first (File → Set up office…).</translation>
    </message>
    <message>
        <source>Peran Anda tidak berhak mencatat klaim baru.</source>
        <translation>Your role may not record new claims.</translation>
    </message>
    <message>
        <source>Catat klaim JKM, JKK atau santunan kematian yang dilaporkan desa</source>
        <translation>Record a JKM, JKK or death benefit claim reported by a village</translation>
    </message>
    <message>
        <source>Daftar klaim tidak dapat dibaca: {error}</source>
        <translation>The claim list could not be read: {error}</translation>
    </message>
    <message>
        <source>{count} klaim</source>
        <translation>Claims: {count}</translation>
    </message>
    <message>
        <source>dari {total} tercatat</source>
        <translation>of {total} recorded</translation>
    </message>
    <message>
        <source>Belum ada klaim. Siapkan kantor dulu (Berkas → Siapkan kantor…), atau pilih Berkas → Buka data contoh… untuk mencoba Sigap.</source>
        <translation>No claims yet. Set up the office first (File → Set up office…), or choose File → Open demo data… to try Sigap.</translation>
    </message>
    <message>
        <source>Belum ada klaim di basis data ini. Catat klaim yang dilaporkan desa dengan Klaim baru…, atau dari baris peserta di tab Peserta.</source>
        <translation>No claims in this database yet. Record a claim reported by a village with New claim…, or from a worker&apos;s row on the Workers tab.</translation>
    </message>
    <message>
        <source>Belum ada klaim di basis data ini.</source>
        <translation>No claims in this database yet.</translation>
    </message>
    <message>
        <source>Tidak ada klaim yang cocok dengan pencarian “{text}” dan filter yang dipilih.</source>
        <translation>No claim matches the search “{text}” and the chosen filters.</translation>
    </message>
    <message>
        <source>Tidak ada klaim yang cocok dengan pencarian “{text}”.</source>
        <translation>No claim matches the search “{text}”.</translation>
    </message>
    <message>
        <source>Tidak ada klaim yang cocok dengan filter yang dipilih.</source>
        <translation>No claim matches the chosen filters.</translation>
    </message>
    <message>
        <source>Daftar klaim dengan tahapannya, kelengkapan dokumen dan batas waktu 7 hari akan tampil di tab ini.</source>
        <translation type="vanished">The list of claims with their steps, document checklists and the 7-day deadline will appear in this tab.</translation>
    </message>
    <message>
        <source>Belum ada klaim. Klaim JKM, JKK dan santunan kematian yang diusulkan desa akan dicatat di sini.</source>
        <translation type="vanished">No claims yet. JKM, JKK and death benefit claims proposed by the villages will be recorded here.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>{problem}. Lihat: python -m desktop {command}--help</source>
        <translation>{problem}. See: python -m desktop {command}--help</translation>
    </message>
    <message>
        <source>tanggal {text} tidak sah; tulis sebagai TAHUN-BULAN-TANGGAL, mis. 1980-09-02</source>
        <translation>date {text} is not valid; write it as YEAR-MONTH-DAY, e.g. 1980-09-02</translation>
    </message>
    <message>
        <source>jenis kelamin {text} tidak dikenal; pakai L atau P</source>
        <translation>sex {text} is not recognised; use L or P (or M or F)</translation>
    </message>
    <message>
        <source>{text} bukan bilangan bulat; tulis angka saja, mis. 1000</source>
        <translation>{text} is not a whole number; write digits only, e.g. 1000</translation>
    </message>
    <message>
        <source>tidak ada perintah. Lihat: python -m desktop --help</source>
        <translation>no command given. See: python -m desktop --help</translation>
    </message>
    <message>
        <source>dibatalkan; tidak ada data yang diubah.</source>
        <translation>cancelled; no data was changed.</translation>
    </message>
    <message>
        <source>Rincian dicatat di {path}.</source>
        <translation>Details were written to {path}.</translation>
    </message>
    <message>
        <source>terjadi kesalahan di dalam aplikasi.{where} Laporkan ke pengembang.</source>
        <translation>an error occurred inside the application.{where} Report it to the developers.</translation>
    </message>
    <message>
        <source>Kantor disiapkan: {name} ({kind}, wilayah {region}); perangkat {device}; basis data {path}</source>
        <translation>Office set up: {name} ({kind}, region {region}); device {device}; database {path}</translation>
    </message>
    <message>
        <source>ditambahkan {added}, diperbarui {updated}, tidak berubah {unchanged}, ditolak {rejected}</source>
        <translation>added {added}, updated {updated}, unchanged {unchanged}, rejected {rejected}</translation>
    </message>
    <message>
        <source>baris {row}: {reason}</source>
        <translation>row {row}: {reason}</translation>
    </message>
    <message>
        <source>… dan {count} baris lain</source>
        <translation>… and {count} more rows</translation>
    </message>
    <message>
        <source>{count} baris ditolak; perbaiki lalu impor lagi.</source>
        <translation>{count} row(s) rejected; correct them and import again.</translation>
    </message>
    <message>
        <source>Data contoh kabupaten {regency} tahun {year}: {workers} peserta, {regions} wilayah, {targets} target, {claims} klaim ({steps} langkah, {heirs} ahli waris, {documents} dokumen) dalam {seconds} detik</source>
        <translation>Demo data for regency {regency}, year {year}: {workers} workers, {regions} regions, {targets} targets, {claims} claims ({steps} steps, {heirs} heirs, {documents} documents) in {seconds} seconds</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Kabupaten/Kota</source>
        <translation>Regency/City</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>nomor klaim {text} tidak sah; salin nomor klaim (atau beberapa huruf awalnya) dari: python -m desktop claims list</source>
        <translation>claim number {text} is not valid; copy the claim number (or its first few characters) from: python -m desktop claims list</translation>
    </message>
    <message>
        <source>nomor klaim {text} cocok dengan lebih dari satu klaim ({ids}{more}); tulis lebih banyak huruf dari nomor klaimnya.</source>
        <translation>claim number {text} matches more than one claim ({ids}{more}); write more characters of the claim number.</translation>
    </message>
    <message>
        <source>klaim {text} tidak ditemukan; mungkin sudah dihapus atau nomornya salah. Lihat nomor klaim dengan: python -m desktop claims list</source>
        <translation>claim {text} not found; it may have been removed, or the number is wrong. See the claim numbers with: python -m desktop claims list</translation>
    </message>
    <message>
        <source>--kecamatan: kode {text} bukan kode kecamatan; tulis mis. 16.02.05</source>
        <translation>--kecamatan: code {text} is not a kecamatan code; write e.g. 16.02.05</translation>
    </message>
    <message>
        <source>--due-within tidak boleh negatif; tulis mis. 3</source>
        <translation>--due-within cannot be negative; write e.g. 3</translation>
    </message>
    <message>
        <source>--due-within paling banyak {max} hari; tulis mis. 3</source>
        <translation>--due-within is at most {max} days; write e.g. 3</translation>
    </message>
    <message>
        <source>Tidak ada klaim yang cocok.</source>
        <translation>No matching claims.</translation>
    </message>
    <message>
        <source>waktu berhenti</source>
        <translation>clock stopped</translation>
    </message>
    <message>
        <source>terlambat {days} hari</source>
        <translation>{days} days late</translation>
    </message>
    <message>
        <source>hari ini</source>
        <translation>today</translation>
    </message>
    <message>
        <source>{days} hari lagi</source>
        <translation>{days} days left</translation>
    </message>
    <message>
        <source>(tidak wajib)</source>
        <translation>(optional)</translation>
    </message>
    <message>
        <source>diterima {date}</source>
        <translation>received {date}</translation>
    </message>
    <message>
        <source>belum diterima</source>
        <translation>not received</translation>
    </message>
    <message>
        <source>Klaim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>bukan peserta</source>
        <translation>no (not a worker)</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>On the roster</translation>
    </message>
    <message>
        <source>Dilaporkan</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Akta kematian</source>
        <translation>Death certificate</translation>
    </message>
    <message>
        <source>Desil DTSEN</source>
        <translation>DTSEN decile</translation>
    </message>
    <message>
        <source>Kecelakaan</source>
        <translation>Accident</translation>
    </message>
    <message>
        <source>lalu lintas</source>
        <translation>traffic</translation>
    </message>
    <message>
        <source>Berkas lengkap</source>
        <translation>File complete</translation>
    </message>
    <message>
        <source>Diverifikasi</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Tenggat</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>belum berjalan</source>
        <translation>not running yet</translation>
    </message>
    <message>
        <source>Langkah berikutnya</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Heirs</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>penerima pembayaran</source>
        <translation>payee</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Belum lengkap: {items}</source>
        <translation>Missing: {items}</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>tidak dapat dihitung</source>
        <translation>cannot be worked out</translation>
    </message>
    <message>
        <source>Jumlah menurut aturan</source>
        <translation>Amount under the rules</translation>
    </message>
    <message>
        <source>Diubah manual</source>
        <translation>Changed by hand</translation>
    </message>
    <message>
        <source>{amount}, alasan: {reason}</source>
        <translation>{amount}, reason: {reason}</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>catatan: {note}</source>
        <translation>note: {note}</translation>
    </message>
    <message>
        <source>Perlu diperiksa</source>
        <translation>Needs checking</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <source>{day}  {status}  oleh {who}, dicatat {at}</source>
        <translation>{day}  {status}  by {who}, recorded {at}</translation>
    </message>
    <message>
        <source>alasan: {reason}</source>
        <translation>reason: {reason}</translation>
    </message>
    <message>
        <source>[tidak berlaku: langkah ini tidak diizinkan saat tiba]</source>
        <translation>[not applied: this step was not allowed when it arrived]</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Nomor urut</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>galat: {message}</source>
        <translation>error: {message}</translation>
    </message>
    <message>
        <source>peringatan: {message}</source>
        <translation>warning: {message}</translation>
    </message>
    <message>
        <source>{count} peringatan perlu diperiksa.</source>
        <translation>{count} warning(s) to check.</translation>
    </message>
    <message>
        <source>dihapus dari laptop ini: {name} (desanya di kecamatan lain); daftarkan lagi di kecamatan yang benar</source>
        <translation>removed from this laptop: {name} (their village is in another kecamatan); register them again in the right kecamatan</translation>
    </message>
    <message>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Skema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Akses</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>{revision} (terbaru {head})</source>
        <translation>{revision} (latest {head})</translation>
    </message>
    <message>
        <source>{version}, jurnal {mode}</source>
        <translation>{version}, journal {mode}</translation>
    </message>
    <message>
        <source>hanya-baca. {reason}</source>
        <translation>read-only. {reason}</translation>
    </message>
    <message>
        <source>perhatian: {message}</source>
        <translation>notice: {message}</translation>
    </message>
    <message>
        <source>baik</source>
        <translation>sound</translation>
    </message>
    <message>
        <source>masalah: {message}</source>
        <translation>problem: {message}</translation>
    </message>
    <message>
        <source>{count} masalah ditemukan.</source>
        <translation>{count} problem(s) found.</translation>
    </message>
    <message>
        <source>nilai untuk {key} belum diberikan; tulis: settings KUNCI NILAI</source>
        <translation>no value given for {key}; write: settings KEY VALUE</translation>
    </message>
    <message>
        <source>(bawaan)</source>
        <translation>(default)</translation>
    </message>
    <message>
        <source>--limit tidak boleh negatif</source>
        <translation>--limit cannot be negative</translation>
    </message>
    <message>
        <source>{shown} dari {total} peserta ditampilkan; pakai --limit 0 untuk semua.</source>
        <translation>{shown} of {total} workers shown; use --limit 0 for all.</translation>
    </message>
    <message>
        <source>Tidak ada peserta yang cocok.</source>
        <translation>No matching workers.</translation>
    </message>
    <message>
        <source>--errors harus berkas .xlsx</source>
        <translation>--errors must be an .xlsx file</translation>
    </message>
    <message>
        <source>--errors: folder {folder} tidak ada atau tidak dapat ditulisi. Pilih folder lain untuk laporan baris yang ditolak.</source>
        <translation>--errors: the folder {folder} does not exist or cannot be written. Choose another folder for the report of rejected rows.</translation>
    </message>
    <message>
        <source>--errors: berkas {path} tidak dapat ditimpa. Pilih nama lain.</source>
        <translation>--errors: the file {path} cannot be overwritten. Choose another name.</translation>
    </message>
    <message>
        <source>{count} NIK yang sudah ada dilewati.</source>
        <translation>{count} existing NIK(s) skipped.</translation>
    </message>
    <message>
        <source>baris {row} (diimpor, periksa): {notes}</source>
        <translation>row {row} (imported, check): {notes}</translation>
    </message>
    <message>
        <source>… dan {count} baris lain dengan peringatan</source>
        <translation>… and {count} more rows with warnings</translation>
    </message>
    <message>
        <source>{count} baris diimpor dengan peringatan; periksa datanya.</source>
        <translation>{count} row(s) imported with warnings; check their data.</translation>
    </message>
    <message>
        <source>Laporan baris yang ditolak tidak dapat ditulis ke {path} ({reason}). Data sudah diimpor; jalankan impor lagi dengan --errors ke folder lain untuk mendapat laporannya.</source>
        <translation>The report of rejected rows could not be written to {path} ({reason}). The data has been imported; run the import again with --errors pointing to another folder to get the report.</translation>
    </message>
    <message>
        <source>Laporan baris yang ditolak: {path}</source>
        <translation>Report of rejected rows: {path}</translation>
    </message>
    <message>
        <source>kategori {text} tidak dikenal; pilih salah satu: {choices}</source>
        <translation>category {text} is not recognised; choose one of: {choices}</translation>
    </message>
    <message>
        <source>{count} peserta diekspor ke {path} (nomor KPJ lengkap)</source>
        <translation>{count} worker(s) exported to {path} (full KPJ numbers)</translation>
    </message>
    <message>
        <source>{count} peserta diekspor ke {path} (nomor KPJ disamarkan)</source>
        <translation>{count} worker(s) exported to {path} (KPJ numbers masked)</translation>
    </message>
    <message>
        <source>Berkas pendaftaran kecamatan {district}: {path}
Kode sekali pakai: {code}
Berikan kode ini terpisah dari flashdisk (lisan atau telepon).</source>
        <translation>Registration file for kecamatan {district}: {path}
One-time code: {code}
Pass this code on separately from the USB stick (in person or by phone).</translation>
    </message>
    <message>
        <source>Berlaku sampai {moment}: paket pertama laptop harus diimpor di sini sebelum itu.</source>
        <translation>Valid until {moment}: the laptop&apos;s first bundle must be imported here before then.</translation>
    </message>
    <message>
        <source>Pendaftaran lama {device} yang belum dipakai dibatalkan; berkas dan kodenya tidak berlaku lagi.</source>
        <translation>The earlier, unused registration {device} was withdrawn; its file and code are no longer valid.</translation>
    </message>
    <message>
        <source>Bergabung sebagai {name} (wilayah {region}), perangkat {device}; diterima {count} data baru dari {sender}</source>
        <translation>Joined as {name} (region {region}), device {device}; received {count} new records from {sender}</translation>
    </message>
    <message>
        <source>untuk {peer}: {changes} perubahan, {size}; aman dicabut.</source>
        <translation>for {peer}: {changes} changes, {size}; safe to remove.</translation>
    </message>
    <message>
        <source>paket {bundle} dari {sender} sudah pernah diimpor; tidak ada yang berubah</source>
        <translation>bundle {bundle} from {sender} was already imported; nothing changed</translation>
    </message>
    <message>
        <source>paket dari {sender} (akan diterapkan)</source>
        <translation>bundle from {sender} (to be applied)</translation>
    </message>
    <message>
        <source>paket dari {sender} (sudah diterapkan)</source>
        <translation>bundle from {sender} (applied)</translation>
    </message>
    <message>
        <source>ditambahkan {added}, diperbarui {updated}, tidak berubah {unchanged}, konflik {conflicts}, kemungkinan ganda {duplicates}</source>
        <translation>added {added}, updated {updated}, unchanged {unchanged}, conflicts {conflicts}, possible duplicates {duplicates}</translation>
    </message>
    <message>
        <source>kunci {sender} disematkan: sidik kunci {fingerprint}; cocokkan dengan layar laptop itu</source>
        <translation>key of {sender} pinned: fingerprint {fingerprint}; compare it with that laptop&apos;s screen</translation>
    </message>
    <message>
        <source>perhatian: jam perangkat pengirim tampak salah ({future} cap waktu di masa depan, {past} sebelum 2020)</source>
        <translation>notice: the sending device&apos;s clock looks wrong ({future} timestamps in the future, {past} before 2020)</translation>
    </message>
    <message>
        <source>Ada konflik atau data ganda yang menunggu keputusan admin.</source>
        <translation>There are conflicts or duplicates awaiting an admin&apos;s decision.</translation>
    </message>
    <message>
        <source>{name} ({kind}), perangkat {device}, sidik kunci {fingerprint}</source>
        <translation>{name} ({kind}), device {device}, key fingerprint {fingerprint}</translation>
    </message>
    <message>
        <source>perubahan lokal {changes}; konflik menunggu keputusan {conflicts}; kemungkinan ganda {duplicates}</source>
        <translation>local changes {changes}; conflicts awaiting a decision {conflicts}; possible duplicates {duplicates}</translation>
    </message>
    <message>
        <source>dicabut</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <source>kedaluwarsa</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>menunggu paket</source>
        <translation>awaiting a bundle</translation>
    </message>
    <message>
        <source>paket terakhir {last}; tertinggal {behind} perubahan</source>
        <translation>last bundle {last}; behind by {behind} changes</translation>
    </message>
    <message>
        <source>sidik kunci {fingerprint}</source>
        <translation>key fingerprint {fingerprint}</translation>
    </message>
    <message>
        <source>(disematkan {moment})</source>
        <translation>(pinned {moment})</translation>
    </message>
    <message>
        <source>pendaftaran kedaluwarsa {moment}</source>
        <translation>registration expired {moment}</translation>
    </message>
    <message>
        <source>pendaftaran berlaku sampai {moment}</source>
        <translation>registration valid until {moment}</translation>
    </message>
    <message>
        <source>terpakai {winner} ({winner_device}), lain {loser} ({loser_device})</source>
        <translation>applied {winner} ({winner_device}), other {loser} ({loser_device})</translation>
    </message>
    <message>
        <source>tidak ada konflik yang menunggu keputusan</source>
        <translation>no conflicts awaiting a decision</translation>
    </message>
    <message>
        <source>perangkat {device} tidak dikenal atau tidak unik</source>
        <translation>device {device} is unknown or not unique</translation>
    </message>
    <message>
        <source>perangkat {device} dicabut; paketnya akan ditolak</source>
        <translation>device {device} revoked; its bundles will be refused</translation>
    </message>
    <message>
        <source>perlu diperiksa: {message}</source>
        <translation>needs checking: {message}</translation>
    </message>
    <message>
        <source>Klaim tetap tercatat, dengan {count} tanda perlu diperiksa; admin kabupaten memeriksanya dan menghapus tandanya dengan alasan.</source>
        <translation>The claim stays recorded, with {count} flag(s) to check; the regency admin checks them and removes the flags with a reason.</translation>
    </message>
    <message>
        <source>klaim untuk warga yang bukan peserta perlu {options}: nama dan kode desa almarhum.</source>
        <translation>a claim for a resident who is not a worker needs {options}: the name and the village code of the deceased.</translation>
    </message>
    <message>
        <source>--name dan --village hanya dipakai bersama --nik (warga yang bukan peserta); untuk peserta cukup --worker NIK.</source>
        <translation>--name and --village are only used with --nik (a resident who is not a worker); for a worker, --worker NIK is enough.</translation>
    </message>
    <message>
        <source>--worker: tidak ada peserta dengan NIK {nik} di data peserta. Periksa NIK-nya; untuk santunan kematian warga yang bukan peserta pakai --nik, --name dan --village.</source>
        <translation>--worker: there is no worker with NIK {nik} in the roster. Check the NIK; for the death benefit of a resident who is not a worker, use --nik, --name and --village.</translation>
    </message>
    <message>
        <source>klaim tidak dapat dibuka: {reasons}</source>
        <translation>the claim cannot be opened: {reasons}</translation>
    </message>
    <message>
        <source>Klaim {name}: {old} → {new}</source>
        <translation>Claim of {name}: {old} → {new}</translation>
    </message>
    <message>
        <source>tenggat {date} ({left})</source>
        <translation>deadline {date} ({left})</translation>
    </message>
    <message>
        <source>Tulis salah satu: {steps}.</source>
        <translation>Write one of: {steps}.</translation>
    </message>
    <message>
        <source>Contoh: python -m desktop claims doc {claim} {item} --on TAHUN-BULAN-TANGGAL (dokumen yang kurang: {items}).</source>
        <translation>Example: python -m desktop claims doc {claim} {item} --on YEAR-MONTH-DAY (documents missing: {items}).</translation>
    </message>
    <message>
        <source>Contoh: python -m desktop claims heir {claim} --name NAMA --nik NIK --relationship anak --payee --bank BANK --account NOMOR</source>
        <translation>Example: python -m desktop claims heir {claim} --name NAME --nik NIK --relationship anak --payee --bank BANK --account NUMBER</translation>
    </message>
    <message>
        <source>Tulis alasannya dengan --reason.</source>
        <translation>Write the reason with --reason.</translation>
    </message>
    <message>
        <source>--remove tidak dipakai bersama --on atau --note: dokumen yang dicabut centangnya tidak punya tanggal terima.</source>
        <translation>--remove is not used with --on or --note: a document whose tick is removed has no date of receipt.</translation>
    </message>
    <message>
        <source>Dokumen wajib yang belum diterima: {items}</source>
        <translation>Required documents not received yet: {items}</translation>
    </message>
    <message>
        <source>Semua dokumen wajib sudah diterima.</source>
        <translation>All required documents have been received.</translation>
    </message>
    <message>
        <source>tidak ada yang dicatat; beri salah satu dari --akta, --decile, --no-decile, --traffic, --no-traffic, --days-off.</source>
        <translation>nothing to record; give one of --akta, --decile, --no-decile, --traffic, --no-traffic, --days-off.</translation>
    </message>
    <message>
        <source>Data klaim {name} dicatat.</source>
        <translation>Claim details of {name} recorded.</translation>
    </message>
    <message>
        <source>Jumlah menurut aturan: {amount}</source>
        <translation>Amount under the rules: {amount}</translation>
    </message>
    <message>
        <source>penerima pembayaran (--payee) perlu {options}: nama bank dan nomor rekeningnya.</source>
        <translation>the payee (--payee) needs {options}: the bank name and the account number.</translation>
    </message>
    <message>
        <source>Ahli waris {name} ({relationship}, NIK {nik}) ditambahkan.</source>
        <translation>Heir {name} ({relationship}, NIK {nik}) added.</translation>
    </message>
    <message>
        <source>Penerima pembayaran: {bank} {account}.</source>
        <translation>Payee: {bank} {account}.</translation>
    </message>
</context>
<context>
    <name>CliHelp</name>
    <message>
        <source>PERINTAH</source>
        <translation>COMMAND</translation>
    </message>
    <message>
        <source>perintah</source>
        <translation>commands</translation>
    </message>
    <message>
        <source>BERKAS</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>berkas basis data (bawaan: $SIGAP_DB, atau sigap.db di folder data pengguna)</source>
        <translation>database file (default: $SIGAP_DB, or sigap.db in the user data folder)</translation>
    </message>
    <message>
        <source>Sigap: data peserta, klaim dan surat jaminan sosial ketenagakerjaan kabupaten. Tanpa perintah: membuka aplikasi.</source>
        <translation>Sigap: a regency&apos;s worker roster, claims and letters for employment social security (BPJS Ketenagakerjaan). Without a command: opens the application.</translation>
    </message>
    <message>
        <source>Bantuan tiap perintah: python -m desktop PERINTAH --help. Kode keluar: 0 selesai; 1 selesai, tetapi ada yang ditolak atau perlu diperiksa; 2 masukan atau perintah tidak dapat dipakai; 3 kesalahan di dalam aplikasi; 130 dibatalkan (Ctrl+C).</source>
        <translation>Help for each command: python -m desktop COMMAND --help. Exit codes: 0 done; 1 done, but something was rejected or needs checking; 2 unusable input or command; 3 error inside the application; 130 cancelled (Ctrl+C).</translation>
    </message>
    <message>
        <source>tampilkan versi Sigap lalu keluar</source>
        <translation>show Sigap&apos;s version and exit</translation>
    </message>
    <message>
        <source>KLAIM</source>
        <translation>CLAIM</translation>
    </message>
    <message>
        <source>nomor klaim dari claims list (cukup beberapa huruf awalnya yang unik)</source>
        <translation>claim number from claims list (its first few characters are enough when they are unique)</translation>
    </message>
    <message>
        <source>klaim JKM, JKK dan santunan kematian</source>
        <translation>JKM, JKK and death benefit (santunan kematian) claims</translation>
    </message>
    <message>
        <source>daftar klaim, tenggat terdekat lebih dulu</source>
        <translation>list claims, nearest deadline first</translation>
    </message>
    <message>
        <source>Daftar klaim, tenggat terdekat lebih dulu; satu klaim per baris, dipisah tab: nomor klaim, jenis, nama, status, sisa hari (negatif bila terlambat, - bila tidak ada tenggat yang berjalan), desa, tanda perlu diperiksa.</source>
        <translation>List claims, nearest deadline first; one claim per line, tab-separated: claim number, kind, name, status, days left (negative when late, - when no deadline is running), village, flags to check.</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>hanya klaim berstatus ini (boleh diulang): {choices}</source>
        <translation>only claims with this status (may be repeated): {choices}</translation>
    </message>
    <message>
        <source>JENIS</source>
        <translation>KIND</translation>
    </message>
    <message>
        <source>hanya klaim jenis ini (boleh diulang): {choices}</source>
        <translation>only claims of this kind (may be repeated): {choices}</translation>
    </message>
    <message>
        <source>KODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>hanya klaim warga kecamatan ini, mis. 16.02.05</source>
        <translation>only claims of residents of this kecamatan, e.g. 16.02.05</translation>
    </message>
    <message>
        <source>hanya klaim yang sudah melewati tenggatnya</source>
        <translation>only claims past their deadline</translation>
    </message>
    <message>
        <source>hanya klaim yang tenggatnya dalam N hari (belum terlambat)</source>
        <translation>only claims due within N days (not yet late)</translation>
    </message>
    <message>
        <source>hanya klaim yang perlu diperiksa (ada tanda terbuka)</source>
        <translation>only claims that need checking (with open flags)</translation>
    </message>
    <message>
        <source>rincian satu klaim</source>
        <translation>details of one claim</translation>
    </message>
    <message>
        <source>Rincian satu klaim: almarhum atau peserta, ahli waris, dokumen, jumlah, tanda perlu diperiksa, riwayat langkah, tenggat dan langkah berikutnya. NIK disamarkan; nomor rekening disamarkan kecuali dengan --full.</source>
        <translation>Details of one claim: the deceased or the worker, heirs, documents, amount, flags to check, history of steps, deadline and next steps. NIKs are masked; account numbers are masked unless --full is given.</translation>
    </message>
    <message>
        <source>nomor rekening lengkap (perlu hak melihat nomor lengkap)</source>
        <translation>full account numbers (needs the right to see full numbers)</translation>
    </message>
    <message>
        <source>buka klaim baru; mencetak nomor klaimnya</source>
        <translation>open a new claim; prints its claim number</translation>
    </message>
    <message>
        <source>Buka klaim baru (status diusulkan) dan cetak nomor klaimnya. JKM dan JKK untuk peserta (--worker NIK); santunan kematian juga untuk warga yang bukan peserta (--nik, --name, --village). Klaim yang tidak memenuhi aturan ditolak dengan alasannya (kode keluar 2); klaim yang perlu diperiksa tetap dibuka (kode keluar 1).</source>
        <translation>Open a new claim (status proposed) and print its claim number. JKM and JKK for workers (--worker NIK); the death benefit (santunan kematian) also for residents who are not workers (--nik, --name, --village). A claim that does not meet the rules is refused with the reasons (exit code 2); a claim that needs checking is still opened (exit code 1).</translation>
    </message>
    <message>
        <source>jenis klaim: {choices}</source>
        <translation>claim kind: {choices}</translation>
    </message>
    <message>
        <source>NIK peserta yang diklaim (dari data peserta)</source>
        <translation>NIK of the worker the claim is for (from the roster)</translation>
    </message>
    <message>
        <source>NIK almarhum yang bukan peserta (santunan kematian; perlu --name, --village)</source>
        <translation>NIK of a deceased person who is not a worker (death benefit; needs --name, --village)</translation>
    </message>
    <message>
        <source>nama almarhum (bersama --nik)</source>
        <translation>name of the deceased (with --nik)</translation>
    </message>
    <message>
        <source>kode desa tempat tinggal almarhum (bersama --nik)</source>
        <translation>code of the village where the deceased lived (with --nik)</translation>
    </message>
    <message>
        <source>tanggal meninggal atau tanggal kecelakaan</source>
        <translation>date of death or date of the accident</translation>
    </message>
    <message>
        <source>NOMOR</source>
        <translation>NUMBER</translation>
    </message>
    <message>
        <source>nomor akta kematian</source>
        <translation>death certificate number</translation>
    </message>
    <message>
        <source>desil DTSEN rumah tangga almarhum, 1 sampai 10 (santunan kematian; tanpa ini klaim ditandai perlu diperiksa)</source>
        <translation>DTSEN decile of the deceased&apos;s household, 1 to 10 (death benefit; without it the claim is flagged as needing checking)</translation>
    </message>
    <message>
        <source>tanggal laporan desa (bawaan: hari ini)</source>
        <translation>date of the village&apos;s report (default: today)</translation>
    </message>
    <message>
        <source>(JKK) kecelakaan lalu lintas: perlu laporan polisi</source>
        <translation>(JKK) traffic accident: a police report is needed</translation>
    </message>
    <message>
        <source>ambil langkah berikutnya pada klaim</source>
        <translation>take the next step on a claim</translation>
    </message>
    <message>
        <source>Ambil langkah berikutnya pada klaim (mis. direkomendasikan, diverifikasi, disetujui, dicairkan). Langkah yang tidak diizinkan dari status sekarang, atau saat dokumen wajib belum lengkap, ditolak dengan alasannya (kode keluar 2).</source>
        <translation>Take the next step on a claim (e.g. recommended, verified, approved, paid out). A step that is not allowed from the current status, or while required documents are missing, is refused with the reasons (exit code 2).</translation>
    </message>
    <message>
        <source>status baru: {choices}</source>
        <translation>new status: {choices}</translation>
    </message>
    <message>
        <source>alasan (wajib untuk dikembalikan, ditolak dan dibatalkan)</source>
        <translation>reason (required for returned, rejected and cancelled)</translation>
    </message>
    <message>
        <source>tanggal langkah (bawaan: hari ini)</source>
        <translation>date of the step (default: today)</translation>
    </message>
    <message>
        <source>tandai dokumen klaim sudah diterima (atau belum, dengan --remove)</source>
        <translation>mark a claim document as received (or as not received, with --remove)</translation>
    </message>
    <message>
        <source>DOKUMEN</source>
        <translation>DOCUMENT</translation>
    </message>
    <message>
        <source>dokumen: {choices}</source>
        <translation>document: {choices}</translation>
    </message>
    <message>
        <source>tanggal dokumen diterima (bawaan: hari ini)</source>
        <translation>date the document was received (default: today)</translation>
    </message>
    <message>
        <source>catatan tentang dokumen ini</source>
        <translation>a note about this document</translation>
    </message>
    <message>
        <source>tandai dokumen belum diterima (mencabut centang yang salah)</source>
        <translation>mark the document as not received (undoes a wrong tick)</translation>
    </message>
    <message>
        <source>tambahkan ahli waris pada klaim</source>
        <translation>add an heir to a claim</translation>
    </message>
    <message>
        <source>Tambahkan ahli waris pada klaim; dengan --payee dia penerima pembayaran (perlu --bank dan --account). Nomor rekening disamarkan dalam keluaran.</source>
        <translation>Add an heir to a claim; with --payee the heir is the payee (needs --bank and --account). Account numbers are masked in the output.</translation>
    </message>
    <message>
        <source>nama ahli waris</source>
        <translation>heir&apos;s name</translation>
    </message>
    <message>
        <source>NIK ahli waris</source>
        <translation>heir&apos;s NIK</translation>
    </message>
    <message>
        <source>HUBUNGAN</source>
        <translation>RELATIONSHIP</translation>
    </message>
    <message>
        <source>hubungan dengan almarhum: {choices}</source>
        <translation>relationship to the deceased: {choices}</translation>
    </message>
    <message>
        <source>ahli waris ini penerima pembayaran</source>
        <translation>this heir is the payee</translation>
    </message>
    <message>
        <source>nama bank penerima</source>
        <translation>payee&apos;s bank name</translation>
    </message>
    <message>
        <source>nomor rekening penerima</source>
        <translation>payee&apos;s account number</translation>
    </message>
    <message>
        <source>nama pemilik rekening, bila bukan ahli waris sendiri</source>
        <translation>account holder&apos;s name, if not the heir themselves</translation>
    </message>
    <message>
        <source>JENJANG</source>
        <translation>LEVEL</translation>
    </message>
    <message>
        <source>jenjang sekolah anak (beasiswa JKM untuk dua anak pertama, setelah 3 tahun iuran): {choices}</source>
        <translation>child&apos;s school level (JKM scholarship for the first two children, after 3 years of contributions): {choices}</translation>
    </message>
    <message>
        <source>catat data klaim yang baru diketahui</source>
        <translation>record claim details that have become known</translation>
    </message>
    <message>
        <source>Catat data klaim yang baru diketahui sesudah klaim dibuka: nomor akta kematian, desil DTSEN, kecelakaan lalu lintas (JKK), hari tidak mampu bekerja (STMB). Kecamatan dapat mengubahnya selama berkas ada di kecamatan.</source>
        <translation>Record claim details learnt after the claim was opened: death certificate number, DTSEN decile, traffic accident (JKK), days unable to work (STMB). A kecamatan can change them while the file is at the kecamatan.</translation>
    </message>
    <message>
        <source>desil DTSEN rumah tangga almarhum, 1 sampai 10</source>
        <translation>DTSEN decile of the deceased&apos;s household, 1 to 10</translation>
    </message>
    <message>
        <source>desil DTSEN belum diketahui (klaim ditandai perlu diperiksa)</source>
        <translation>DTSEN decile not known (the claim is flagged as needing checking)</translation>
    </message>
    <message>
        <source>kecelakaan kerja terjadi di jalan (klaim JKK)</source>
        <translation>the work accident happened on the road (JKK claim)</translation>
    </message>
    <message>
        <source>hari tidak mampu bekerja (klaim JKK STMB)</source>
        <translation>days unable to work (JKK STMB claim)</translation>
    </message>
    <message>
        <source>siapkan basis data untuk kantor kabupaten atau kecamatan</source>
        <translation>set up the database for a regency or kecamatan office</translation>
    </message>
    <message>
        <source>hub = kantor kabupaten (pusat), kecamatan = kantor kecamatan</source>
        <translation>hub = regency office (the hub), kecamatan = kecamatan office</translation>
    </message>
    <message>
        <source>kode wilayah Kemendagri: kabupaten (16.02) atau kecamatan (16.02.05)</source>
        <translation>Kemendagri region code: regency (16.02) or kecamatan (16.02.05)</translation>
    </message>
    <message>
        <source>TEKS</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>nama kantor</source>
        <translation>office name</translation>
    </message>
    <message>
        <source>data wilayah (kode Kemendagri)</source>
        <translation>region data (Kemendagri codes)</translation>
    </message>
    <message>
        <source>impor daftar wilayah CSV/XLSX dengan kolom kode dan nama</source>
        <translation>import a CSV/XLSX region list with kode and nama columns</translation>
    </message>
    <message>
        <source>Impor daftar wilayah (CSV, XLSX, XLS atau ODS) dengan kolom kode dan nama. Wilayah yang sudah ada diperbarui namanya; mencetak jumlah yang ditambahkan, diperbarui, tidak berubah dan ditolak.</source>
        <translation>Import a region list (CSV, XLSX, XLS or ODS) with kode and nama columns. Regions already present get their names updated; prints how many were added, updated, unchanged and rejected.</translation>
    </message>
    <message>
        <source>berkas daftar wilayah (.csv, .xlsx, .xls atau .ods)</source>
        <translation>region list file (.csv, .xlsx, .xls or .ods)</translation>
    </message>
    <message>
        <source>isi basis data kosong dengan data contoh</source>
        <translation>fill an empty database with demo data</translation>
    </message>
    <message>
        <source>Isi basis data kosong dengan data contoh buatan: peserta dengan NIK yang sah, target, klaim, ahli waris dan dokumen. Basis data yang belum disiapkan menjadi kantor kabupaten contoh (Ogan Komering Ilir).</source>
        <translation>Fill an empty database with invented demo data: workers with valid NIKs, targets, claims, heirs and documents. A database not yet set up becomes a demo regency office (Ogan Komering Ilir).</translation>
    </message>
    <message>
        <source>jumlah peserta yang dibuat (wajib; 1 sampai 5.000.000, mis. 120000)</source>
        <translation>number of workers to make (required; 1 to 5,000,000, e.g. 120000)</translation>
    </message>
    <message>
        <source>bilangan awal pengacak: angka yang sama memberi data contoh yang sama persis, angka lain memberi data lain (bawaan: 1)</source>
        <translation>random seed: the same number gives exactly the same demo data, another number gives other data (default: 1)</translation>
    </message>
    <message>
        <source>daftar wilayah nyata (bawaan: wilayah buatan)</source>
        <translation>real region list (default: invented regions)</translation>
    </message>
    <message>
        <source>TAHUN</source>
        <translation>YEAR</translation>
    </message>
    <message>
        <source>tahun acuan (bawaan: tahun ini)</source>
        <translation>reference year (default: this year)</translation>
    </message>
    <message>
        <source>baca arti sebuah NIK</source>
        <translation>read what a NIK says</translation>
    </message>
    <message>
        <source>Baca arti sebuah NIK: wilayah, tanggal lahir dan jenis kelamin. Dengan --db, nama wilayahnya diambil dari basis data.</source>
        <translation>Read what a NIK says: region, date of birth and sex. With --db, the region names come from the database.</translation>
    </message>
    <message>
        <source>NIK 16 angka</source>
        <translation>16-digit NIK</translation>
    </message>
    <message>
        <source>TAHUN-BULAN-TANGGAL</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>tanggal lahir di data, untuk dibandingkan</source>
        <translation>date of birth on record, to compare</translation>
    </message>
    <message>
        <source>jenis kelamin di data, untuk dibandingkan</source>
        <translation>sex on record (L = male, P = female), to compare</translation>
    </message>
    <message>
        <source>periksa keutuhan basis data</source>
        <translation>check the database&apos;s integrity</translation>
    </message>
    <message>
        <source>Periksa keutuhan basis data dan hitung isinya. Keluar dengan 1 bila ada masalah atau hal yang perlu diperiksa.</source>
        <translation>Check the database&apos;s integrity and count its contents. Exits with 1 when there are problems or things to check.</translation>
    </message>
    <message>
        <source>(laptop kecamatan) hapus peserta yang terlanjur dibuat di kecamatan lain</source>
        <translation>(kecamatan laptop) remove workers created by mistake in another kecamatan</translation>
    </message>
    <message>
        <source>lihat pengaturan kantor, atau ubah satu (di kantor kabupaten)</source>
        <translation>show the office settings, or change one (at the regency office)</translation>
    </message>
    <message>
        <source>KUNCI</source>
        <translation>KEY</translation>
    </message>
    <message>
        <source>nama pengaturan yang diubah, mis. backup.keep_last</source>
        <translation>name of the setting to change, e.g. backup.keep_last</translation>
    </message>
    <message>
        <source>NILAI</source>
        <translation>VALUE</translation>
    </message>
    <message>
        <source>nilai barunya</source>
        <translation>its new value</translation>
    </message>
    <message>
        <source>KATEGORI</source>
        <translation>CATEGORY</translation>
    </message>
    <message>
        <source>data peserta</source>
        <translation>worker roster</translation>
    </message>
    <message>
        <source>cari peserta menurut NIK (atau awalannya) atau nama</source>
        <translation>search workers by NIK (or its first digits) or name</translation>
    </message>
    <message>
        <source>Cari peserta menurut NIK (atau awalannya) atau nama; satu peserta per baris, dipisah tab, nomor KPJ disamarkan.</source>
        <translation>Search workers by NIK (or its first digits) or name; one worker per line, tab-separated, KPJ numbers masked.</translation>
    </message>
    <message>
        <source>angka NIK (boleh sebagian awal) atau kata dari nama</source>
        <translation>NIK digits (the first few will do) or a word of the name</translation>
    </message>
    <message>
        <source>paling banyak N baris (bawaan: 50; 0 = semua)</source>
        <translation>at most N lines (default: 50; 0 = all)</translation>
    </message>
    <message>
        <source>impor peserta dari berkas XLSX, XLS, ODS atau CSV</source>
        <translation>import workers from an XLSX, XLS, ODS or CSV file</translation>
    </message>
    <message>
        <source>Impor peserta dari berkas XLSX, XLS, ODS atau CSV. Baris yang sah disimpan, baris yang ditolak didaftar dengan nomor baris dan alasannya.</source>
        <translation>Import workers from an XLSX, XLS, ODS or CSV file. Valid rows are saved; rejected rows are listed with their row numbers and reasons.</translation>
    </message>
    <message>
        <source>berkas peserta yang diimpor</source>
        <translation>worker file to import</translation>
    </message>
    <message>
        <source>NIK yang sudah ada diperbarui (bawaan)</source>
        <translation>update workers whose NIK is already registered (default)</translation>
    </message>
    <message>
        <source>NIK yang sudah ada dilewati</source>
        <translation>skip workers whose NIK is already registered</translation>
    </message>
    <message>
        <source>kategori untuk semua baris, mis. rt_rw</source>
        <translation>category for every row, e.g. rt_rw</translation>
    </message>
    <message>
        <source>LAPORAN.xlsx</source>
        <translation>REPORT.xlsx</translation>
    </message>
    <message>
        <source>tulis baris yang ditolak beserta alasannya ke berkas ini</source>
        <translation>write the rejected rows with their reasons to this file</translation>
    </message>
    <message>
        <source>ekspor peserta (tersaring) ke berkas XLSX atau CSV</source>
        <translation>export the (filtered) workers to an XLSX or CSV file</translation>
    </message>
    <message>
        <source>berkas tujuan .xlsx atau .csv</source>
        <translation>destination .xlsx or .csv file</translation>
    </message>
    <message>
        <source>hanya peserta kecamatan ini, mis. 16.02.05</source>
        <translation>only workers of this kecamatan, e.g. 16.02.05</translation>
    </message>
    <message>
        <source>hanya peserta desa ini, mis. 16.02.05.2001</source>
        <translation>only workers of this desa (village), e.g. 16.02.05.2001</translation>
    </message>
    <message>
        <source>hanya kategori ini, mis. rt_rw, perangkat_desa, pekerja_rentan</source>
        <translation>only this category, e.g. rt_rw, perangkat_desa, pekerja_rentan</translation>
    </message>
    <message>
        <source>hanya peserta dengan status ini</source>
        <translation>only workers with this status</translation>
    </message>
    <message>
        <source>nomor KPJ lengkap (perlu hak melihat nomor lengkap)</source>
        <translation>full KPJ numbers (needs the right to see full numbers)</translation>
    </message>
    <message>
        <source>sinkronisasi antarkantor lewat paket flashdisk</source>
        <translation>sync between offices with bundles on USB sticks</translation>
    </message>
    <message>
        <source>(kabupaten) daftarkan kecamatan; mencetak kode sekali pakai</source>
        <translation>(regency) register a kecamatan; prints a one-time code</translation>
    </message>
    <message>
        <source>kode kecamatan yang didaftarkan, mis. 16.02.05</source>
        <translation>code of the kecamatan to register, e.g. 16.02.05</translation>
    </message>
    <message>
        <source>berkas pendaftaran yang ditulis, mis. E:/daftar.sigap</source>
        <translation>registration file to write, e.g. E:/daftar.sigap</translation>
    </message>
    <message>
        <source>nama kantor kecamatan</source>
        <translation>name of the kecamatan office</translation>
    </message>
    <message>
        <source>(laptop kecamatan) bergabung memakai berkas pendaftaran</source>
        <translation>(kecamatan laptop) join with a registration file</translation>
    </message>
    <message>
        <source>berkas pendaftaran dari kantor kabupaten</source>
        <translation>registration file from the regency office</translation>
    </message>
    <message>
        <source>kode sekali pakai yang diberikan kantor kabupaten</source>
        <translation>one-time code given by the regency office</translation>
    </message>
    <message>
        <source>tulis paket ke flashdisk/folder</source>
        <translation>write bundles to a USB stick or folder</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>FOLDER</translation>
    </message>
    <message>
        <source>folder tujuan, mis. flashdisk E:/</source>
        <translation>destination folder, e.g. the USB stick E:/</translation>
    </message>
    <message>
        <source>(kabupaten) hanya untuk perangkat ini</source>
        <translation>(regency) only for this device</translation>
    </message>
    <message>
        <source>impor paket dari kantor lain</source>
        <translation>import a bundle from another office</translation>
    </message>
    <message>
        <source>paket .sigap yang diimpor</source>
        <translation>.sigap bundle to import</translation>
    </message>
    <message>
        <source>hanya tampilkan ringkasan, jangan terapkan</source>
        <translation>only show a summary, do not apply</translation>
    </message>
    <message>
        <source>keadaan sinkronisasi dan perangkat</source>
        <translation>sync and device status</translation>
    </message>
    <message>
        <source>daftar konflik yang menunggu keputusan</source>
        <translation>list the conflicts awaiting a decision</translation>
    </message>
    <message>
        <source>nomor KPJ dan rekening lengkap (perlu hak melihat nomor lengkap)</source>
        <translation>full KPJ and account numbers (needs the right to see full numbers)</translation>
    </message>
    <message>
        <source>(kabupaten) cabut perangkat kecamatan</source>
        <translation>(regency) revoke a kecamatan device</translation>
    </message>
    <message>
        <source>perangkat yang dicabut (8 huruf terakhir cukup)</source>
        <translation>device to revoke (its last 8 characters are enough)</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Nilai terpakai</source>
        <translation>Applied value</translation>
    </message>
    <message>
        <source>Nilai lain</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Ditemukan</source>
        <translation>Found</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <source>Nilai awal</source>
        <translation>Original value</translation>
    </message>
    <message>
        <source>Nilai terpakai</source>
        <translation>Applied value</translation>
    </message>
    <message>
        <source>Nilai lain</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Tidak ada konflik yang menunggu keputusan.</source>
        <translation>No conflicts awaiting a decision.</translation>
    </message>
    <message>
        <source>Dua kantor mengubah kolom yang sama sebelum saling menerima paket. Sementara itu semua kantor memakai nilai terpakai (dipilih dengan aturan yang sama di setiap kantor). Pilih nilai yang benar; pilihan Anda ikut terkirim ke semua kantor pada paket berikutnya.</source>
        <translation>Two offices changed the same field before receiving each other&apos;s bundles. Until you decide, every office uses the applied value (chosen by the same rule at every office). Choose the correct value; your choice is sent to every office with the next bundle.</translation>
    </message>
    <message>
        <source>Hanya admin yang dapat memutuskan konflik.</source>
        <translation>Only an admin can resolve conflicts.</translation>
    </message>
    <message>
        <source>{kind}: {record} — kolom {field}</source>
        <translation>{kind}: {record} — field {field}</translation>
    </message>
    <message>
        <source>Nilai sebelum kedua perubahan.</source>
        <translation>The value before both changes.</translation>
    </message>
    <message>
        <source>Nilai kantor kabupaten, yang sudah memproses klaim ini. Tetap dipakai di semua kantor sampai Anda memilih.</source>
        <translation>The regency office&apos;s value; that office has already processed this claim. It stays in use at every office until you choose.</translation>
    </message>
    <message>
        <source>Diubah kecamatan, menurut laptopnya ketika berkas masih di kecamatan, tetapi baru tiba setelah kantor kabupaten memproses klaim ini. Periksa sebelum memakainya. Disimpan, tidak dipakai.</source>
        <translation>Changed by the kecamatan, while the file was still at the kecamatan according to its laptop, but it arrived only after the regency office had processed this claim. Check it before using it. Kept, but not in use.</translation>
    </message>
    <message>
        <source>Dipakai sekarang di semua kantor.</source>
        <translation>Now in use at every office.</translation>
    </message>
    <message>
        <source>Disimpan, tidak dipakai.</source>
        <translation>Kept, but not in use.</translation>
    </message>
    <message>
        <source>Selesaikan konflik</source>
        <translation>Resolve conflict</translation>
    </message>
</context>
<context>
    <name>DayCount</name>
    <message>
        <source>hari kalender</source>
        <translation>calendar days</translation>
    </message>
    <message>
        <source>hari kerja</source>
        <translation>working days</translation>
    </message>
</context>
<context>
    <name>DemoDialog</name>
    <message>
        <source>Memuat data contoh ke {file}</source>
        <translation>Loading demo data into {file}</translation>
    </message>
    <message>
        <source>Memuat data contoh</source>
        <translation>Loading demo data</translation>
    </message>
    <message>
        <source>Data contoh dimuat ke {file}: {workers} peserta dan {claims} klaim.</source>
        <translation>Demo data loaded into {file}: {workers} workers and {claims} claims.</translation>
    </message>
    <message>
        <source>Data contoh dimuat: {workers} peserta dan {claims} klaim.</source>
        <translation>Demo data loaded: {workers} workers and {claims} claims.</translation>
    </message>
    <message>
        <source>Basis data contoh {file} dibuka; data contoh di dalamnya dipakai lagi.</source>
        <translation>Demo database {file} opened; the demo data already in it is used.</translation>
    </message>
    <message>
        <source>Basis data Sigap (*.db)</source>
        <translation>Sigap databases (*.db)</translation>
    </message>
    <message>
        <source>Muat data contoh</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <source>Sigap akan membuat peserta, target cakupan dan klaim rekaan untuk latihan. Semua nama dan nomor di dalam data contoh rekaan.</source>
        <translation>Sigap will make up workers, coverage targets and claims for practice. Every name and number in the demo data is invented.</translation>
    </message>
    <message>
        <source>Sigap akan membuat peserta, target cakupan dan klaim rekaan untuk latihan, di berkas basis data terpisah. Basis data yang sedang terbuka ({file}) tidak diubah. Semua nama dan nomor di dalam data contoh rekaan.</source>
        <translation>Sigap will make up workers, coverage targets and claims for practice, in a separate database file. The database open now ({file}) is not changed. Every name and number in the demo data is invented.</translation>
    </message>
    <message>
        <source>Sigap akan membuat peserta, target cakupan dan klaim rekaan untuk latihan, di berkas di bawah ini. Semua nama dan nomor di dalam data contoh rekaan.</source>
        <translation>Sigap will make up workers, coverage targets and claims for practice, in the file below. Every name and number in the demo data is invented.</translation>
    </message>
    <message>
        <source>Berapa peserta rekaan yang dibuat, antara 1 dan {limit}. {default} cukup untuk latihan; 100.000 atau lebih untuk mencoba Sigap dengan data sebesar kabupaten (memuatnya lebih lama).</source>
        <translation>How many invented workers to make, between 1 and {limit}. {default} is enough for practice; 100,000 or more to try Sigap with data the size of a regency (takes longer to load).</translation>
    </message>
    <message>
        <source>Angka awal pembuat data rekaan. Benih yang sama menghasilkan nama, NIK dan klaim yang sama persis, sehingga latihan dapat diulang; benih lain menghasilkan data lain.</source>
        <translation>The starting number for making up the data. The same seed makes exactly the same names, NIKs and claims, so a practice session can be repeated; another seed makes other data.</translation>
    </message>
    <message>
        <source>Berkas:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Berkas data contoh</source>
        <translation>Demo data file</translation>
    </message>
    <message>
        <source>{file} adalah basis data yang sedang terbuka. Data contoh tidak dimuat ke basis data kerja; pilih berkas lain.</source>
        <translation>{file} is the database open now. Demo data is not loaded into a working database; choose another file.</translation>
    </message>
    <message>
        <source>Berkas ini sudah ada ({size}). Bila sudah berisi data contoh, Sigap membukanya tanpa membuat data baru.</source>
        <translation>This file already exists ({size}). If it already holds demo data, Sigap opens it without making new data.</translation>
    </message>
    <message>
        <source>Berkas baru; dibuat saat Anda menekan Muat data contoh.</source>
        <translation>A new file; it is created when you press Load demo data.</translation>
    </message>
    <message>
        <source>Jumlah &amp;peserta:</source>
        <translation>Number of &amp;workers:</translation>
    </message>
    <message>
        <source>Pilih berkas &amp;lain…</source>
        <translation>Choose &amp;another file…</translation>
    </message>
    <message>
        <source>&amp;Benih acak:</source>
        <translation>Random &amp;seed:</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DeviceModel</name>
    <message>
        <source>Dicabut {date}</source>
        <translation>Revoked {date}</translation>
    </message>
    <message>
        <source>Pendaftaran kedaluwarsa {date}</source>
        <translation>Enrolment expired {date}</translation>
    </message>
    <message>
        <source>Menunggu paket pertama</source>
        <translation>Waiting for its first bundle</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>mutakhir</source>
        <translation>up to date</translation>
    </message>
    <message>
        <source>{count} perubahan</source>
        <translation>changes: {count}</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama kantor</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>Sidik kunci</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Paket terakhir</source>
        <translation>Last bundle</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Kapan paket terakhir dari perangkat ini diterima di sini</source>
        <translation>When the last bundle from this device was received here</translation>
    </message>
    <message>
        <source>Tertinggal</source>
        <translation>Behind</translation>
    </message>
    <message>
        <source>Perubahan di kantor ini yang belum dikonfirmasi diterima perangkat itu</source>
        <translation>Changes at this office that the device has not yet confirmed receiving</translation>
    </message>
    <message>
        <source>Paket ditolak</source>
        <translation>Refused bundle</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Paket terakhir dari perangkat ini yang ditolak di sini, dan sebabnya</source>
        <translation>The last bundle from this device that was refused here, and why</translation>
    </message>
</context>
<context>
    <name>DevicesTab</name>
    <message>
        <source>&amp;Daftarkan kecamatan…</source>
        <translation>Register &amp;district…</translation>
    </message>
    <message>
        <source>&amp;Cabut perangkat…</source>
        <translation>&amp;Revoke device…</translation>
    </message>
    <message>
        <source>Laptop kecamatan yang terdaftar di kantor ini. &quot;Tertinggal&quot; menghitung perubahan di kantor ini yang belum dikonfirmasi diterima laptop itu (pengakuan ikut di paket berikutnya dari laptop itu). Sidik kunci laptop tampil sesudah paket pertamanya diimpor: cocokkan dengan layar Sinkronisasi laptop itu. Pendaftaran yang belum mengirim paket pertama kedaluwarsa sesudah {days} hari, dan dibatalkan bila kecamatan itu didaftarkan ulang. Cabut perangkat yang hilang, tidak dipakai lagi, atau sidik kuncinya tidak cocok: paketnya akan ditolak. &quot;Paket ditolak&quot; menunjukkan paket terakhir perangkat itu yang ditolak di sini dan sebabnya (arahkan tetikus ke sana untuk pesan lengkapnya).</source>
        <translation>Kecamatan laptops enrolled at this office. &quot;Behind&quot; counts the changes here that the laptop has not yet confirmed receiving (the confirmation comes in that laptop&apos;s next bundle). A laptop&apos;s key fingerprint appears once its first bundle is imported: compare it with that laptop&apos;s Sync screen. An enrolment that has not sent its first bundle expires after {days} days, and is withdrawn when the kecamatan is enrolled again. Revoke a device that is lost, no longer used, or whose fingerprint does not match: its bundles will be refused. &quot;Refused bundle&quot; shows the device&apos;s last bundle refused here and why (point the mouse at it for the whole message).</translation>
    </message>
    <message>
        <source>Cabut perangkat</source>
        <translation>Revoke device</translation>
    </message>
    <message>
        <source>Cabut perangkat {name} ({code}, sidik kunci {fingerprint})?

Semua paket dari perangkat ini akan ditolak, juga paket yang belum diimpor. Bila laptop itu dipakai lagi, daftarkan ulang kecamatannya.</source>
        <translation>Revoke the device {name} ({code}, key fingerprint {fingerprint})?

Every bundle from this device will be rejected, including bundles not yet imported. If that laptop is used again, register its district again.</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Kartu peserta BPJS Ketenagakerjaan</source>
        <translation>BPJS Ketenagakerjaan membership card</translation>
    </message>
    <message>
        <source>e-KTP peserta</source>
        <translation>Worker&apos;s e-KTP (identity card)</translation>
    </message>
    <message>
        <source>e-KTP ahli waris</source>
        <translation>Heir&apos;s e-KTP (identity card)</translation>
    </message>
    <message>
        <source>Akta kematian</source>
        <translation>Death certificate</translation>
    </message>
    <message>
        <source>Kartu keluarga</source>
        <translation>Family card (KK)</translation>
    </message>
    <message>
        <source>Surat keterangan ahli waris</source>
        <translation>Certificate of heirship</translation>
    </message>
    <message>
        <source>Buku nikah (bagi pasangan)</source>
        <translation>Marriage book (for a spouse)</translation>
    </message>
    <message>
        <source>Buku tabungan ahli waris</source>
        <translation>Heir&apos;s bank book</translation>
    </message>
    <message>
        <source>Kronologi kecelakaan</source>
        <translation>Account of the accident</translation>
    </message>
    <message>
        <source>Laporan awal (2×24 jam)</source>
        <translation>First report (within 2×24 hours)</translation>
    </message>
    <message>
        <source>Formulir keterangan dokter</source>
        <translation>Doctor&apos;s statement form</translation>
    </message>
    <message>
        <source>Kuitansi biaya pengobatan</source>
        <translation>Medical receipts</translation>
    </message>
    <message>
        <source>Laporan polisi (kecelakaan lalu lintas)</source>
        <translation>Police report (traffic accident)</translation>
    </message>
    <message>
        <source>Surat keterangan tidak mampu (SKTM)</source>
        <translation>Certificate of low income (SKTM)</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Ditambahkan:</source>
        <translation>Added:</translation>
    </message>
    <message>
        <source>Diperbarui:</source>
        <translation>Updated:</translation>
    </message>
    <message>
        <source>Tidak berubah:</source>
        <translation>Unchanged:</translation>
    </message>
    <message>
        <source>Dilewati (NIK sudah terdaftar):</source>
        <translation>Skipped (NIK already registered):</translation>
    </message>
    <message>
        <source>Ditolak:</source>
        <translation>Rejected:</translation>
    </message>
    <message>
        <source>Baris yang ditolak:</source>
        <translation>Rejected rows:</translation>
    </message>
    <message>
        <source>Simpan &amp;laporan baris ditolak…</source>
        <translation>Save &amp;report of rejected rows…</translation>
    </message>
    <message>
        <source>Laporan itu berisi baris yang ditolak apa adanya, dengan nomor baris dan alasannya. Perbaiki isinya, lalu impor laporan itu lagi: pilihan kolom yang sama dipakai, dan baris yang sudah masuk tidak berubah.</source>
        <translation>The report holds the rejected rows as they were, with their row numbers and reasons. Correct them, then import the report again: the same column choices are used, and the rows already imported do not change.</translation>
    </message>
    <message>
        <source>Impor dari berkas {file} selesai.</source>
        <translation>Import from {file} finished.</translation>
    </message>
</context>
<context>
    <name>DuplicateModel</name>
    <message>
        <source>NIK sama</source>
        <translation>Same NIK</translation>
    </message>
    <message>
        <source>Nama dan tanggal lahir sama</source>
        <translation>Same name and date of birth</translation>
    </message>
    <message>
        <source>Data kiri</source>
        <translation>Left record</translation>
    </message>
    <message>
        <source>Data kanan</source>
        <translation>Right record</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Ditemukan</source>
        <translation>Found</translation>
    </message>
</context>
<context>
    <name>DuplicatesTab</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>KK no.</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>No. KPJ</source>
        <translation>KPJ no.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <source>Didaftarkan oleh</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <source>Dicatat</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Data kiri</source>
        <translation>Left record</translation>
    </message>
    <message>
        <source>Data kanan</source>
        <translation>Right record</translation>
    </message>
    <message>
        <source>Gabungkan ke &amp;kiri</source>
        <translation>Merge into &amp;left</translation>
    </message>
    <message>
        <source>Data kiri tetap; data kanan digabung ke dalamnya.</source>
        <translation>The left record stays; the right record is merged into it.</translation>
    </message>
    <message>
        <source>Gabungkan ke k&amp;anan</source>
        <translation>Merge into &amp;right</translation>
    </message>
    <message>
        <source>Data kanan tetap; data kiri digabung ke dalamnya.</source>
        <translation>The right record stays; the left record is merged into it.</translation>
    </message>
    <message>
        <source>&amp;Bukan orang yang sama</source>
        <translation>&amp;Not the same person</translation>
    </message>
    <message>
        <source>Kedua data tetap ada sebagai dua peserta.</source>
        <translation>Both records stay, as two workers.</translation>
    </message>
    <message>
        <source>Dua data peserta dengan NIK sama, atau dengan nama dan tanggal lahir sama, mungkin orang yang sama (dari dua kantor, atau dua kali didaftarkan di satu kantor). Bila keduanya orang yang sama, gabungkan ke data yang paling benar: klaim data lainnya ikut pindah, dan data itu tidak tampil lagi di daftar peserta. Kolom yang berbeda diberi warna.</source>
        <translation>Two worker records with the same NIK, or with the same name and date of birth, may be the same person (from two offices, or registered twice at one office). If they are the same person, merge them into the more accurate record: the other record&apos;s claims move with it, and that record no longer appears in the roster. Fields that differ are highlighted.</translation>
    </message>
    <message>
        <source>Tidak ada data ganda yang menunggu keputusan.</source>
        <translation>No duplicates awaiting a decision.</translation>
    </message>
    <message>
        <source>Hanya admin yang dapat menggabungkan data.</source>
        <translation>Only an admin can merge records.</translation>
    </message>
    <message>
        <source>{reason}: {first} dan {second}</source>
        <translation>{reason}: {first} and {second}</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>Data kanan ({other}) digabung ke data kiri ({keep}). Klaim milik data kanan dipindah ke data kiri, dan data kanan tidak tampil lagi di daftar peserta. Keputusan ini dikirim ke semua kantor. Lanjutkan?</source>
        <translation>The right record ({other}) will be merged into the left record ({keep}). The right record&apos;s claims move to the left record, and the right record no longer appears in the roster. This decision is sent to every office. Continue?</translation>
    </message>
    <message>
        <source>Data kiri ({other}) digabung ke data kanan ({keep}). Klaim milik data kiri dipindah ke data kanan, dan data kiri tidak tampil lagi di daftar peserta. Keputusan ini dikirim ke semua kantor. Lanjutkan?</source>
        <translation>The left record ({other}) will be merged into the right record ({keep}). The left record&apos;s claims move to the right record, and the left record no longer appears in the roster. This decision is sent to every office. Continue?</translation>
    </message>
    <message>
        <source>Gabungkan data peserta</source>
        <translation>Merge worker records</translation>
    </message>
    <message>
        <source>Gabungkan</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Data ganda</source>
        <translation>Duplicates</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Daftarkan kecamatan</source>
        <translation>Register district</translation>
    </message>
    <message>
        <source>{code} — {name}</source>
        <translation>{code} — {name}</translation>
    </message>
    <message>
        <source>{district} (sudah terdaftar)</source>
        <translation>{district} (already registered)</translation>
    </message>
    <message>
        <source>contoh: {code}.05</source>
        <translation>for example: {code}.05</translation>
    </message>
    <message>
        <source>&amp;Pilih…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>&amp;Kecamatan:</source>
        <translation>&amp;District:</translation>
    </message>
    <message>
        <source>&amp;Nama kantor:</source>
        <translation>Office &amp;name:</translation>
    </message>
    <message>
        <source>Si&amp;mpan ke:</source>
        <translation>Save &amp;to:</translation>
    </message>
    <message>
        <source>&amp;Buat berkas pendaftaran</source>
        <translation>Create &amp;registration file</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sigap membuat berkas pendaftaran berisi data kecamatan itu, terkunci dengan kode sekali pakai. Laptop kecamatan memakai berkas dan kode ini untuk bergabung dengan kantor kabupaten.</source>
        <translation>Sigap creates a registration file with that district&apos;s data, locked with a one-time code. The district laptop uses this file and code to join the regency office.</translation>
    </message>
    <message>
        <source>&amp;Salin kode</source>
        <translation>&amp;Copy code</translation>
    </message>
    <message>
        <source>Kode sekali pakai</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <source>Kode ini hanya ditampilkan sekali. Berikan kode secara terpisah dari flashdisk — lewat telepon atau di kertas tertutup — agar flashdisk yang hilang tidak cukup untuk membuka berkasnya.</source>
        <translation>This code is shown only once. Pass it on separately from the USB stick — by phone or on a sealed note — so that a lost USB stick is not enough to open the file.</translation>
    </message>
    <message>
        <source>&amp;Selesai</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Kecamatan ini sudah punya perangkat terdaftar ({name}). Mendaftarkan lagi menambah perangkat kedua; bila laptop lama diganti, cabut perangkat lamanya di tab Perangkat.</source>
        <translation>This district already has a registered device ({name}). Registering it again adds a second device; if the old laptop has been replaced, revoke the old device on the Devices tab.</translation>
    </message>
    <message>
        <source>Kecamatan {name}</source>
        <translation>Kecamatan {name}</translation>
    </message>
    <message>
        <source>Tulis atau pilih tempat menyimpan berkas pendaftaran.</source>
        <translation>Type or choose where to save the registration file.</translation>
    </message>
    <message>
        <source>Tulis lokasi lengkap berkas pendaftaran, dengan foldernya (misalnya di flashdisk), atau pilih dengan Pilih….</source>
        <translation>Type the full location of the registration file, with its folder (for example on the USB stick), or choose it with Choose….</translation>
    </message>
    <message>
        <source>Folder {folder} tidak ada. Periksa tulisannya, atau pilih folder dengan Pilih….</source>
        <translation>The folder {folder} does not exist. Check how it is written, or choose a folder with Choose….</translation>
    </message>
    <message>
        <source>Simpan berkas pendaftaran</source>
        <translation>Save registration file</translation>
    </message>
    <message>
        <source>Berkas pendaftaran Sigap (*.sigap)</source>
        <translation>Sigap registration files (*.sigap)</translation>
    </message>
    <message>
        <source>Pilih kecamatan yang akan didaftarkan.</source>
        <translation>Choose the district to register.</translation>
    </message>
    <message>
        <source>{office} sudah didaftarkan</source>
        <translation>{office} has been registered</translation>
    </message>
    <message>
        <source>Berkas pendaftaran: {path} ({count} data kecamatan di dalamnya)</source>
        <translation>Registration file: {path} ({count} district records in it)</translation>
    </message>
    <message>
        <source>Di laptop kecamatan:
1. Buka Sigap dengan basis data baru.
2. Pilih Bergabung dengan kantor kabupaten (di layar pembuka atau menu Berkas).
3. Pilih berkas pendaftaran dari flashdisk dan ketik kode di atas.
4. Pastikan sidik kunci kantor kabupaten yang ditunjukkan laptop sama dengan:
    {fingerprint}
5. Segera ekspor paket pertama laptop dan impor di sini sebelum {until}; sesudah itu pendaftaran ini kedaluwarsa.
6. Setelah paket pertama diimpor, cocokkan sidik kunci laptop di tab Perangkat dengan sidik kunci di layar Sinkronisasi laptop itu. Bila berbeda, cabut perangkatnya dan daftarkan ulang kecamatan ini.</source>
        <translation>On the kecamatan laptop:
1. Open Sigap with a new database.
2. Choose Join the regency office (on the welcome screen or in the File menu).
3. Choose the enrolment file on the USB stick and type the code above.
4. Make sure the regency office&apos;s key fingerprint shown on the laptop is:
    {fingerprint}
5. Export the laptop&apos;s first bundle right away and import it here before {until}; after that this enrolment expires.
6. Once the first bundle is imported, compare the laptop&apos;s key fingerprint in the Devices tab with the fingerprint on that laptop&apos;s Sync screen. If they differ, revoke its device and enrol this kecamatan again.</translation>
    </message>
    <message>
        <source>Kode disalin</source>
        <translation>Code copied</translation>
    </message>
</context>
<context>
    <name>ExchangeTab</name>
    <message>
        <source>Kirim paket</source>
        <translation>Send bundle</translation>
    </message>
    <message>
        <source>Paket berisi perubahan yang belum diterima kecamatan tujuan: satu berkas untuk tiap kecamatan. Bawa flashdisk ke kecamatan dan impor di sana.</source>
        <translation>A bundle holds the changes the destination district has not received yet: one file for each district. Take the USB stick to the district and import it there.</translation>
    </message>
    <message>
        <source>Paket berisi perubahan kantor ini yang belum diterima kantor kabupaten. Bawa flashdisk ke kantor kabupaten dan impor di sana.</source>
        <translation>A bundle holds this office&apos;s changes that the regency office has not received yet. Take the USB stick to the regency office and import it there.</translation>
    </message>
    <message>
        <source>Pilih &amp;folder…</source>
        <translation>Choose &amp;folder…</translation>
    </message>
    <message>
        <source>&amp;Muat ulang daftar</source>
        <translation>&amp;Refresh list</translation>
    </message>
    <message>
        <source>Pasang flashdisk, lalu tekan ini agar flashdisk muncul di daftar.</source>
        <translation>Plug in the USB stick, then press this to make it appear in the list.</translation>
    </message>
    <message>
        <source>&amp;Kirim paket</source>
        <translation>&amp;Send bundle</translation>
    </message>
    <message>
        <source>T&amp;ujuan:</source>
        <translation>&amp;Destination:</translation>
    </message>
    <message>
        <source>&amp;Simpan ke flashdisk atau folder:</source>
        <translation>Save &amp;to a USB stick or folder:</translation>
    </message>
    <message>
        <source>Terima paket</source>
        <translation>Receive bundle</translation>
    </message>
    <message>
        <source>Belum ada paket dipilih</source>
        <translation>No bundle chosen yet</translation>
    </message>
    <message>
        <source>Pilih &amp;paket…</source>
        <translation>Choose &amp;bundle…</translation>
    </message>
    <message>
        <source>Tidak berubah</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Sudah diterima sebelumnya</source>
        <translation>Already received</translation>
    </message>
    <message>
        <source>Digabung (kolom berbeda)</source>
        <translation>Merged (different fields)</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Kemungkinan data ganda</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>Jenis data</source>
        <translation>Kind of data</translation>
    </message>
    <message>
        <source>&amp;Terapkan</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>Tin&amp;jau konflik</source>
        <translation>Re&amp;view conflicts</translation>
    </message>
    <message>
        <source>Buka folder &amp;cadangan</source>
        <translation>&amp;Open backup folder</translation>
    </message>
    <message>
        <source>Pilih berkas paket (.sigap) dari flashdisk. Sigap memeriksa paket dan menunjukkan isinya lebih dulu; data di sini baru berubah setelah Anda menekan Terapkan.</source>
        <translation>Choose a bundle file (.sigap) on the USB stick. Sigap checks the bundle and shows what it holds first; the data here only changes when you press Apply.</translation>
    </message>
    <message>
        <source>Kantor berikut belum dapat dikirimi paket karena paket pertamanya belum diterima di sini: {peers}.</source>
        <translation>No bundle can be sent yet to these offices, because their first bundle has not been received here: {peers}.</translation>
    </message>
    <message>
        <source>{count} perubahan bercap waktu jauh di masa lalu: jam komputer pengirim mungkin salah.</source>
        <translation>Changes with timestamps far in the past: {count}. The sender&apos;s computer clock may be wrong.</translation>
    </message>
    <message>
        <source>Paket dari {sender} sudah diterapkan: {new} ditambahkan, {changed} diperbarui, {unchanged} tidak berubah.</source>
        <translation>The bundle from {sender} has been applied: {new} added, {changed} updated, {unchanged} unchanged.</translation>
    </message>
    <message>
        <source>Paket ini membawa {conflicts} konflik dan {duplicates} kemungkinan data ganda.</source>
        <translation>This bundle brings {conflicts} conflict(s) and {duplicates} possible duplicate(s).</translation>
    </message>
    <message>
        <source>Paket pertama {sender}: kunci laptop itu kini tersemat, sidik kunci {fingerprint}. Cocokkan dengan sidik kunci di layar Sinkronisasi laptop itu; bila berbeda, cabut perangkatnya di tab Perangkat dan daftarkan ulang kecamatannya.</source>
        <translation>First bundle from {sender}: that laptop&apos;s key is now pinned, fingerprint {fingerprint}. Compare it with the fingerprint on that laptop&apos;s Sync screen; if they differ, revoke its device in the Devices tab and enrol its kecamatan again.</translation>
    </message>
    <message>
        <source>Salinan basis data sebelum impor disimpan: {file}, di folder {folder} ({kept} salinan terakhir dan yang pertama tiap bulan selama setahun disimpan; yang lebih lama dihapus).</source>
        <translation>A copy of the database from before the import was saved: {file}, in the folder {folder} (the last {kept} copies and the first of each month for a year are kept; older ones are deleted).</translation>
    </message>
    <message>
        <source>Menunggu keputusan Anda: {conflicts} konflik dan {duplicates} kemungkinan data ganda.</source>
        <translation>Awaiting your decision: {conflicts} conflict(s) and {duplicates} possible duplicate(s).</translation>
    </message>
    <message>
        <source>Semua konflik dan kemungkinan data ganda sudah selesai diputuskan.</source>
        <translation>All conflicts and possible duplicates have been settled.</translation>
    </message>
    <message>
        <source>Tin&amp;jau data ganda</source>
        <translation>Re&amp;view duplicates</translation>
    </message>
    <message>
        <source>Semua kecamatan terdaftar ({count})</source>
        <translation>All registered districts ({count})</translation>
    </message>
    <message>
        <source>Ditambahkan</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Diperbarui</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>{peer} — menunggu paket pertamanya</source>
        <translation>{peer} — waiting for its first bundle</translation>
    </message>
    <message>
        <source>(belum ada kantor tujuan)</source>
        <translation>(no destination office yet)</translation>
    </message>
    <message>
        <source>{name} ({root}) — kosong {free} dari {total}</source>
        <translation>{name} ({root}) — {free} free of {total}</translation>
    </message>
    <message>
        <source>Tidak ada flashdisk terpasang. Pasang flashdisk atau pilih folder.</source>
        <translation>No USB stick plugged in. Plug in a USB stick or choose a folder.</translation>
    </message>
    <message>
        <source>Pilih folder tujuan paket</source>
        <translation>Choose the folder for the bundle</translation>
    </message>
    <message>
        <source>Folder {path}</source>
        <translation>Folder {path}</translation>
    </message>
    <message>
        <source>Paket sudah ditulis dan dibaca ulang: isinya utuh. Flashdisk aman dicabut.</source>
        <translation>The bundle was written and read back: its contents are intact. The USB stick can be safely removed.</translation>
    </message>
    <message>
        <source>• {peer}: {changes} perubahan, {size}
   {file}</source>
        <translation>• {peer}: {changes} changes, {size}
   {file}</translation>
    </message>
    <message>
        <source>Tidak ada paket yang ditulis.</source>
        <translation>No bundle was written.</translation>
    </message>
    <message>
        <source>Pilih paket sinkronisasi</source>
        <translation>Choose a sync bundle</translation>
    </message>
    <message>
        <source>Paket Sigap (*.sigap);;Semua berkas (*)</source>
        <translation>Sigap bundles (*.sigap);;All files (*)</translation>
    </message>
    <message>
        <source>Memeriksa paket</source>
        <translation>Checking the bundle</translation>
    </message>
    <message>
        <source>Paket ini sudah pernah diimpor. Mengimpornya lagi tidak mengubah apa pun.</source>
        <translation>This bundle has already been imported. Importing it again changes nothing.</translation>
    </message>
    <message>
        <source>Setelah diterapkan, konflik dan kemungkinan data ganda menunggu keputusan Anda di tab Konflik dan Data ganda.</source>
        <translation>Once the bundle is applied, conflicts and possible duplicates wait for your decision on the Conflicts and Duplicates tabs.</translation>
    </message>
    <message>
        <source>{count} data klaim diubah kecamatan ketika berkasnya masih di kecamatan, tetapi baru tiba setelah kantor kabupaten memproses klaimnya. Nilai kantor kabupaten tetap dipakai; pilih nilai yang benar di tab Konflik.</source>
        <translation>Claim records changed by the kecamatan while the file was still at the kecamatan, but which arrived only after the regency office had processed the claim: {count}. The regency office&apos;s values stay in use; choose the correct value on the Conflicts tab.</translation>
    </message>
    <message>
        <source>{count} perubahan bercap waktu jauh di masa depan: jam komputer pengirim mungkin salah. Data tetap digabung dengan benar; minta pengirim membetulkan jamnya.</source>
        <translation>Changes timestamped far in the future: {count}. The sender&apos;s computer clock may be wrong. The data is still merged correctly; ask the sender to correct the clock.</translation>
    </message>
    <message>
        <source>Paket sudah diperiksa dan utuh. Tekan Terapkan.</source>
        <translation>The bundle has been checked and is intact. Press Apply.</translation>
    </message>
    <message>
        <source>Dari {sender} · dibuat {time} · {count} perubahan</source>
        <translation>From {sender} · created {time} · changes: {count}</translation>
    </message>
    <message>
        <source>Menerapkan paket</source>
        <translation>Applying the bundle</translation>
    </message>
    <message>
        <source>Paket ini sudah pernah diimpor; tidak ada yang berubah.</source>
        <translation>This bundle had already been imported; nothing changed.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Ekspor daftar peserta</source>
        <translation>Export the roster</translation>
    </message>
    <message>
        <source>Tulis &amp;nomor KPJ lengkap</source>
        <translation>Write &amp;full KPJ numbers</translation>
    </message>
    <message>
        <source>&amp;Pilih berkas dan ekspor…</source>
        <translation>&amp;Choose file and export…</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{count} peserta sesuai saringan yang sedang dipakai akan diekspor.</source>
        <translation>Workers matching the current filters that will be exported: {count}.</translation>
    </message>
    <message>
        <source>Berkas berisi semua data peserta seperti yang tampil di Sigap: kategori, sub-kategori dan status dengan namanya, nama desa dan kecamatan beserta kodenya. Berkas ini dapat diimpor kembali dengan tombol Impor dari berkas di tab Peserta.</source>
        <translation>The file holds all the worker data as Sigap shows it: category, sub-category and status by name, village and district names with their codes. It can be imported again with the Import from file button on the Workers tab.</translation>
    </message>
    <message>
        <source>Tanpa nomor lengkap, nomor KPJ disamarkan kecuali 4 angka terakhirnya, dan nomor yang disamarkan tidak ikut diimpor kembali. Nomor lengkap hanya untuk pengguna yang berhak melihatnya.</source>
        <translation>Without full numbers, KPJ numbers are masked except for their last 4 digits, and masked numbers are not imported back. Full numbers are only for users allowed to see them.</translation>
    </message>
    <message>
        <source>Nomor KPJ disamarkan kecuali 4 angka terakhirnya: peran Anda tidak berhak mengekspor nomor lengkap. Nomor yang disamarkan tidak ikut diimpor kembali.</source>
        <translation>KPJ numbers are masked except for their last 4 digits: your role may not export full numbers. Masked numbers are not imported back.</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>peserta.xlsx</source>
        <translation>workers.xlsx</translation>
    </message>
    <message>
        <source>{count} peserta diekspor ke {file}, dengan nomor KPJ lengkap.</source>
        <translation>Exported to {file}, with full KPJ numbers: {count} worker record(s).</translation>
    </message>
    <message>
        <source>{count} peserta diekspor ke {file}.</source>
        <translation>Exported to {file}: {count} worker record(s).</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Belum ada berkas dipilih</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <source>&amp;Pilih berkas…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <source>— dari berkas —</source>
        <translation>— from the file —</translation>
    </message>
    <message>
        <source>Berkas:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Kategori untuk semua baris:</source>
        <translation>Category for all rows:</translation>
    </message>
    <message>
        <source>Pilih berkas daftar peserta dari desa (XLSX, XLS, ODS atau CSV). Baris judul di atas tabel tidak apa-apa: Sigap mencari sendiri baris judul kolomnya. Belum ada data yang disimpan sebelum Anda menekan Impor.</source>
        <translation>Choose a village&apos;s roster file (XLSX, XLS, ODS or CSV). Title rows above the table are fine: Sigap finds the row of column headings itself. Nothing is saved until you press Import.</translation>
    </message>
    <message>
        <source>Kategori dibaca dari kolom Kategori atau dari jabatan. Pilih satu kategori di sini bila seluruh berkas berisi satu kategori; kategori ini dipakai untuk baris yang kategorinya tidak dapat ditentukan.</source>
        <translation>The category is read from a Kategori column or from the position. Choose a category here when the whole file holds one category; it is used for rows whose category cannot be determined.</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>Tidak ada aturan manfaat BPJS Ketenagakerjaan yang berlaku pada {date}.</source>
        <translation>No BPJS Ketenagakerjaan benefit rules apply on {date}.</translation>
    </message>
    <message>
        <source>Tidak ada aturan santunan kematian untuk wilayah {region} pada {date}.</source>
        <translation>No death benefit rules for region {region} on {date}.</translation>
    </message>
    <message>
        <source>Penghasilan yang dilaporkan harus lebih dari Rp0.</source>
        <translation>The declared income must be more than Rp0.</translation>
    </message>
    <message>
        <source>Jumlah hari tidak mampu bekerja tidak boleh negatif.</source>
        <translation>The number of days unable to work cannot be negative.</translation>
    </message>
    <message>
        <source>Masa iuran dan beasiswa yang sudah dibayar tidak boleh negatif.</source>
        <translation>The contribution period and scholarships already paid cannot be negative.</translation>
    </message>
    <message>
        <source>Klaim baru harus dimulai dengan status {new}.</source>
        <translation>A new claim must start with the status {new}.</translation>
    </message>
    <message>
        <source>Klaim belum dapat menjadi {new}: dokumen wajib belum diterima: {items}. Tandai dokumen yang sudah diterima beserta tanggalnya, lalu coba lagi.</source>
        <translation>The claim cannot become {new} yet: required documents not received: {items}. Mark the documents that were received, with their dates, then try again.</translation>
    </message>
    <message>
        <source>Klaim belum dapat menjadi {new}: ahli waris penerima pembayaran belum dicatat. Tambahkan ahli waris, tandai sebagai penerima pembayaran dengan bank dan nomor rekeningnya, lalu coba lagi.</source>
        <translation>The claim cannot become {new} yet: no heir has been recorded as the payee. Add an heir, mark them as the payee with their bank and account number, then try again.</translation>
    </message>
    <message>
        <source>Klaim berstatus {current} dan sudah selesai: tidak ada langkah lagi.</source>
        <translation>The claim is {current} and finished: there are no more steps.</translation>
    </message>
    <message>
        <source>Klaim berstatus {current}, tidak dapat menjadi {new}. Langkah yang boleh: {allowed}.</source>
        <translation>The claim is {current} and cannot become {new}. Allowed steps: {allowed}.</translation>
    </message>
    <message>
        <source>Klaim berstatus {current}, tidak dapat menjadi {new}. Tidak ada langkah yang boleh diambil oleh {role} pada status ini.</source>
        <translation>The claim is {current} and cannot become {new}. At this status there is no step that {role} may take.</translation>
    </message>
    <message>
        <source>Klaim baru hanya boleh dibuka oleh {roles}; {role} tidak dapat membuka klaim.</source>
        <translation>A new claim may only be opened by {roles}; {role} cannot open claims.</translation>
    </message>
    <message>
        <source>Klaim berstatus {current}. Langkah {new} hanya boleh diambil oleh {roles}. Langkah yang boleh bagi {role}: {allowed}.</source>
        <translation>The claim is {current}. The step {new} may only be taken by {roles}. Steps allowed for {role}: {allowed}.</translation>
    </message>
    <message>
        <source>Klaim berstatus {current}. Langkah {new} hanya boleh diambil oleh {roles}; {role} tidak dapat mengambil langkah apa pun pada status ini.</source>
        <translation>The claim is {current}. The step {new} may only be taken by {roles}; {role} can take no step at this status.</translation>
    </message>
    <message>
        <source>Klaim {kind} berstatus {current} tidak dapat diubah menjadi {new}.</source>
        <translation>A {kind} claim with status {current} cannot be changed to {new}.</translation>
    </message>
    <message>
        <source>Tuliskan alasan untuk status {new}.</source>
        <translation>Write down the reason for the status {new}.</translation>
    </message>
    <message>
        <source>Bulan harus angka 1 sampai 12, bukan {month}.</source>
        <translation>The month must be a number from 1 to 12, not {month}.</translation>
    </message>
    <message>
        <source>Tanggal {on} lebih awal dari tanggal lahir {birth}.</source>
        <translation>The date {on} is before the date of birth {birth}.</translation>
    </message>
    <message>
        <source>{field} {date} lebih dari setahun dari hari ini. Periksa tahunnya; bila memang benar, data tetap dapat disimpan.</source>
        <translation>{field} {date} is more than a year from today. Check the year; if it is right, the data can still be saved.</translation>
    </message>
    <message>
        <source>NIK belum diisi.</source>
        <translation>The NIK is missing.</translation>
    </message>
    <message>
        <source>NIK berubah menjadi notasi ilmiah (mis. 1,6E+15) karena Excel membacanya sebagai angka, dan angka terakhirnya hilang. Ketik ulang NIK sebagai teks: format sel Teks atau awali dengan tanda petik (&apos;).</source>
        <translation>The NIK turned into scientific notation (e.g. 1.6E+15) because Excel read it as a number, and its last digits are lost. Type the NIK again as text: format the cell as Text or start it with an apostrophe (&apos;).</translation>
    </message>
    <message>
        <source>NIK terbaca sebagai angka desimal karena Excel membacanya sebagai angka, dan angka terakhirnya bisa hilang. Ketik ulang NIK sebagai teks: format sel Teks atau awali dengan tanda petik (&apos;).</source>
        <translation>The NIK was read as a decimal number because Excel treated it as a number, and its last digits may be lost. Type the NIK again as text: format the cell as Text or start it with an apostrophe (&apos;).</translation>
    </message>
    <message>
        <source>NIK hanya boleh berisi angka; ditemukan {char}.</source>
        <translation>The NIK may only contain digits; found {char}.</translation>
    </message>
    <message>
        <source>NIK harus 16 angka, bukan {count}.</source>
        <translation>The NIK must have 16 digits, not {count}.</translation>
    </message>
    <message>
        <source>Nomor KK belum diisi.</source>
        <translation>The family card (KK) number is missing.</translation>
    </message>
    <message>
        <source>Nomor KK berubah menjadi notasi ilmiah (mis. 1,6E+15) karena Excel membacanya sebagai angka, dan angka terakhirnya hilang. Ketik ulang nomor KK sebagai teks: format sel Teks atau awali dengan tanda petik (&apos;).</source>
        <translation>The KK number turned into scientific notation (e.g. 1.6E+15) because Excel read it as a number, and its last digits are lost. Type the KK number again as text: format the cell as Text or start it with an apostrophe (&apos;).</translation>
    </message>
    <message>
        <source>Nomor KK terbaca sebagai angka desimal karena Excel membacanya sebagai angka, dan angka terakhirnya bisa hilang. Ketik ulang nomor KK sebagai teks: format sel Teks atau awali dengan tanda petik (&apos;).</source>
        <translation>The KK number was read as a decimal number because Excel treated it as a number, and its last digits may be lost. Type the KK number again as text: format the cell as Text or start it with an apostrophe (&apos;).</translation>
    </message>
    <message>
        <source>Nomor KK hanya boleh berisi angka; ditemukan {char}.</source>
        <translation>The KK number may only contain digits; found {char}.</translation>
    </message>
    <message>
        <source>Nomor KK harus 16 angka, bukan {count}.</source>
        <translation>The KK number must have 16 digits, not {count}.</translation>
    </message>
    <message>
        <source>Nomor KPJ belum diisi.</source>
        <translation>The KPJ number is missing.</translation>
    </message>
    <message>
        <source>Nomor KPJ berubah menjadi notasi ilmiah (mis. 1,2E+10) karena Excel membacanya sebagai angka. Ketik ulang nomor KPJ sebagai teks: format sel Teks atau awali dengan tanda petik (&apos;).</source>
        <translation>The KPJ number turned into scientific notation (e.g. 1.2E+10) because Excel read it as a number. Type the KPJ number again as text: format the cell as Text or start it with an apostrophe (&apos;).</translation>
    </message>
    <message>
        <source>Nomor KPJ terbaca sebagai angka desimal karena Excel membacanya sebagai angka. Ketik ulang nomor KPJ sebagai teks: format sel Teks atau awali dengan tanda petik (&apos;).</source>
        <translation>The KPJ number was read as a decimal number because Excel treated it as a number. Type the KPJ number again as text: format the cell as Text or start it with an apostrophe (&apos;).</translation>
    </message>
    <message>
        <source>Nomor KPJ hanya boleh berisi angka; ditemukan {char}.</source>
        <translation>The KPJ number may only contain digits; found {char}.</translation>
    </message>
    <message>
        <source>Nomor KPJ harus 11 angka, bukan {count}.</source>
        <translation>The KPJ number must have 11 digits, not {count}.</translation>
    </message>
    <message>
        <source>NIP belum diisi.</source>
        <translation>The NIP is missing.</translation>
    </message>
    <message>
        <source>NIP berubah menjadi notasi ilmiah (mis. 1,9E+17) karena Excel membacanya sebagai angka, dan angka terakhirnya hilang. Ketik ulang NIP sebagai teks: format sel Teks atau awali dengan tanda petik (&apos;).</source>
        <translation>The NIP turned into scientific notation (e.g. 1.9E+17) because Excel read it as a number, and its last digits are lost. Type the NIP again as text: format the cell as Text or start it with an apostrophe (&apos;).</translation>
    </message>
    <message>
        <source>NIP terbaca sebagai angka desimal karena Excel membacanya sebagai angka, dan angka terakhirnya bisa hilang. Ketik ulang NIP sebagai teks: format sel Teks atau awali dengan tanda petik (&apos;).</source>
        <translation>The NIP was read as a decimal number because Excel treated it as a number, and its last digits may be lost. Type the NIP again as text: format the cell as Text or start it with an apostrophe (&apos;).</translation>
    </message>
    <message>
        <source>NIP hanya boleh berisi angka; ditemukan {char}.</source>
        <translation>The NIP may only contain digits; found {char}.</translation>
    </message>
    <message>
        <source>NIP harus 18 angka, bukan {count}.</source>
        <translation>The NIP must have 18 digits, not {count}.</translation>
    </message>
    <message>
        <source>Kode provinsi {province} pada NIK tidak dikenal.</source>
        <translation>The province code {province} in the NIK is unknown.</translation>
    </message>
    <message>
        <source>Kode provinsi {province} pada nomor KK tidak dikenal.</source>
        <translation>The province code {province} in the KK number is unknown.</translation>
    </message>
    <message>
        <source>Kode kabupaten/kota dan kecamatan pada NIK tidak boleh 00.</source>
        <translation>The regency/city and district codes in the NIK cannot be 00.</translation>
    </message>
    <message>
        <source>Kode kabupaten/kota dan kecamatan pada nomor KK tidak boleh 00.</source>
        <translation>The regency/city and district codes in the KK number cannot be 00.</translation>
    </message>
    <message>
        <source>Tanggal terbit pada nomor KK (angka ke-7 sampai ke-12: {ddmmyy}) bukan tanggal yang ada.</source>
        <translation>The issue date in the KK number (digits 7 to 12: {ddmmyy}) is not a real date.</translation>
    </message>
    <message>
        <source>Tanggal terbit pada nomor KK belum terjadi.</source>
        <translation>The issue date in the KK number is in the future.</translation>
    </message>
    <message>
        <source>Tanggal lahir pada NIP (8 angka pertama: {yyyymmdd}) bukan tanggal yang ada.</source>
        <translation>The date of birth in the NIP (first 8 digits: {yyyymmdd}) is not a real date.</translation>
    </message>
    <message>
        <source>Tahun dan bulan pengangkatan pada NIP (angka ke-9 sampai ke-14: {yyyymm}) tidak sah.</source>
        <translation>The year and month of appointment in the NIP (digits 9 to 14: {yyyymm}) are not valid.</translation>
    </message>
    <message>
        <source>Tahun pengangkatan pada NIP tidak mungkin sebelum tahun lahir.</source>
        <translation>The year of appointment in the NIP cannot be before the year of birth.</translation>
    </message>
    <message>
        <source>Angka ke-15 NIP (jenis kelamin) harus 1 atau 2, bukan {digit}.</source>
        <translation>Digit 15 of the NIP (sex) must be 1 or 2, not {digit}.</translation>
    </message>
    <message>
        <source>Nomor urut NIP (3 angka terakhir) tidak boleh 000.</source>
        <translation>The serial number of the NIP (last 3 digits) cannot be 000.</translation>
    </message>
    <message>
        <source>Jumlah uang tidak boleh negatif.</source>
        <translation>An amount of money cannot be negative.</translation>
    </message>
    <message>
        <source>Jumlah uang terlalu besar untuk ditulis dengan huruf.</source>
        <translation>The amount is too large to be written in words.</translation>
    </message>
    <message>
        <source>Jumlah rupiah tidak dapat dibaca: {text}. Tulis seperti Rp1.000.000, 1.000.000,00 atau 1000000.</source>
        <translation>The rupiah amount cannot be read: {text}. Write it like Rp1.000.000, 1.000.000,00 or 1000000.</translation>
    </message>
    <message>
        <source>Jumlah rupiah belum diisi.</source>
        <translation>The rupiah amount is missing.</translation>
    </message>
    <message>
        <source>Jumlah rupiah tidak boleh memuat sen ({text}); bulatkan ke rupiah.</source>
        <translation>A rupiah amount cannot contain cents ({text}); round it to whole rupiah.</translation>
    </message>
    <message>
        <source>Tanggal lahir pada NIK (angka ke-7 sampai ke-12: {ddmmyy}) bukan tanggal yang ada. Ingat: untuk perempuan tanggalnya ditambah 40.</source>
        <translation>The date of birth in the NIK (digits 7 to 12: {ddmmyy}) is not a real date. Remember: for women 40 is added to the day.</translation>
    </message>
    <message>
        <source>Tanggal lahir pada NIK ({date}) belum terjadi.</source>
        <translation>The date of birth in the NIK ({date}) is in the future.</translation>
    </message>
    <message>
        <source>Nomor urut NIK (4 angka terakhir) tidak boleh 0000.</source>
        <translation>The serial number of the NIK (last 4 digits) cannot be 0000.</translation>
    </message>
    <message>
        <source>Kode wilayah {code} pada NIK tidak ada di daftar wilayah. Bisa jadi kode lama dari sebelum pemekaran wilayah; periksa kembali NIK-nya.</source>
        <translation>The region code {code} in the NIK is not in the region list. It may be an old code from before the region was split; check the NIK again.</translation>
    </message>
    <message>
        <source>Tanggal lahir menurut NIK ({nik_date}) berbeda dengan tanggal lahir yang dicatat ({record_date}).</source>
        <translation>The date of birth according to the NIK ({nik_date}) differs from the recorded date of birth ({record_date}).</translation>
    </message>
    <message>
        <source>Jenis kelamin menurut NIK ({nik_sex}) berbeda dengan yang dicatat ({record_sex}). Pada NIK perempuan, tanggal lahir ditambah 40.</source>
        <translation>The sex according to the NIK ({nik_sex}) differs from the recorded one ({record_sex}). In a woman&apos;s NIK, 40 is added to the day of birth.</translation>
    </message>
    <message>
        <source>NIK dibuat dari kode kecamatan (mis. 16.02.05), bukan {code}.</source>
        <translation>A NIK is made from a district code (e.g. 16.02.05), not {code}.</translation>
    </message>
    <message>
        <source>Nomor urut NIK harus 1 sampai 9999, bukan {serial}.</source>
        <translation>The NIK serial number must be 1 to 9999, not {serial}.</translation>
    </message>
    <message>
        <source>Kode wilayah {text} tidak dikenali. Tulis seperti 16, 16.02, 16.02.05 atau 16.02.05.2001 (boleh tanpa titik).</source>
        <translation>The region code {text} is not recognised. Write it like 16, 16.02, 16.02.05 or 16.02.05.2001 (dots may be left out).</translation>
    </message>
    <message>
        <source>Kode wilayah {text} tidak sah (ada bagian 00).</source>
        <translation>The region code {text} is not valid (a part is 00).</translation>
    </message>
    <message>
        <source>Jumlah peserta contoh harus antara 1 dan {limit}.</source>
        <translation>The number of demo workers must be between 1 and {limit}.</translation>
    </message>
    <message>
        <source>Basis data ini sudah berisi data peserta. Data contoh hanya dimuat ke basis data yang kosong; buat berkas baru untuk data contoh.</source>
        <translation>This database already holds workers. Demo data is only loaded into an empty database; create a new file for demo data.</translation>
    </message>
    <message>
        <source>Data wilayah tidak berisi desa/kelurahan untuk kabupaten {code}. Impor daftar wilayah yang memuat kabupaten itu.</source>
        <translation>The region data has no villages for regency {code}. Import a region list that includes that regency.</translation>
    </message>
    <message>
        <source>Basis data ini belum disiapkan untuk kantor mana pun. Jalankan perintah init atau pilih Siapkan Kantor.</source>
        <translation>This database has not been set up for any office yet. Run the init command or choose Set up office.</translation>
    </message>
    <message>
        <source>Kode wilayah {code} adalah {level}; kantor {kind} memerlukan kode {expected} (contoh: {example}).</source>
        <translation>Region code {code} is a {level}; a {kind} office needs a {expected} code (for example: {example}).</translation>
    </message>
    <message>
        <source>Nama kantor wajib diisi.</source>
        <translation>The office name is required.</translation>
    </message>
    <message>
        <source>Basis data ini sudah disiapkan untuk sebuah kantor. Pakai berkas basis data baru untuk kantor lain.</source>
        <translation>This database has already been set up for an office. Use a new database file for another office.</translation>
    </message>
    <message>
        <source>Pengaturan ditetapkan oleh kantor kabupaten dan dikirim ke setiap laptop lewat sinkronisasi. Minta admin kabupaten mengubahnya.</source>
        <translation>Settings are set by the regency office and sent to every laptop by sync. Ask the regency admin to change it.</translation>
    </message>
    <message>
        <source>Pengguna {user} ({role}) tidak berhak {action}. Minta admin kabupaten untuk melakukannya.</source>
        <translation>User {user} ({role}) is not allowed to do this: {action}. Ask the regency admin to do it.</translation>
    </message>
    <message>
        <source>Dibatalkan. Tidak ada data yang diubah.</source>
        <translation>Cancelled. No data was changed.</translation>
    </message>
    <message>
        <source>Berkas {file} tidak punya kolom &quot;kode&quot; dan &quot;nama&quot; di baris judulnya. Tambahkan kedua judul kolom itu lalu impor lagi.</source>
        <translation>The file {file} has no &quot;kode&quot; and &quot;nama&quot; columns in its header row. Add both column headings and import again.</translation>
    </message>
    <message>
        <source>Baris {row}: nama wilayah {code} kosong. Isi namanya.</source>
        <translation>Row {row}: the name of region {code} is empty. Fill in the name.</translation>
    </message>
    <message>
        <source>Baris {row}: kode {code} sudah ada di baris {first} dengan nama lain ({other}). Hapus salah satu.</source>
        <translation>Row {row}: code {code} is already in row {first} with another name ({other}). Remove one of them.</translation>
    </message>
    <message>
        <source>Berkas {file} tidak berisi satu pun wilayah di bawah judul kolom.</source>
        <translation>The file {file} has no regions under the column headings.</translation>
    </message>
    <message>
        <source>Data wilayah diatur oleh kantor kabupaten dan dikirim ke laptop kecamatan lewat sinkronisasi. Minta kantor kabupaten mengimpor daftar wilayah itu, lalu terima paketnya.</source>
        <translation>The region list is managed by the regency office and sent to kecamatan laptops by sync. Ask the regency office to import that region list, then receive its bundle.</translation>
    </message>
    <message>
        <source>Berkas {file} tidak ditemukan. Periksa nama dan foldernya.</source>
        <translation>The file {file} was not found. Check its name and folder.</translation>
    </message>
    <message>
        <source>{file} adalah folder, bukan berkas. Pilih berkas CSV atau XLSX.</source>
        <translation>{file} is a folder, not a file. Choose a CSV or XLSX file.</translation>
    </message>
    <message>
        <source>Berkas {file} tidak dapat dibaca ({reason}).</source>
        <translation>The file {file} cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>Kategori &quot;{text}&quot; tidak dikenali. Pakai salah satu: {choices}.</source>
        <translation>Category &quot;{text}&quot; is not recognised. Use one of: {choices}.</translation>
    </message>
    <message>
        <source>Berkas {file} kosong. Pilih berkas yang berisi data.</source>
        <translation>The file {file} is empty. Choose a file that contains data.</translation>
    </message>
    <message>
        <source>Berkas {file} tidak punya kolom NIK di baris judulnya (dicari di 30 baris pertama). Beri judul &quot;NIK&quot; pada kolom itu, atau pilih kolomnya sendiri.</source>
        <translation>The file {file} has no NIK column in its header row (searched in the first 30 rows). Give that column the heading &quot;NIK&quot;, or choose the column yourself.</translation>
    </message>
    <message>
        <source>Berkas {file} tidak berisi satu pun baris data di bawah baris judul (baris {row}).</source>
        <translation>The file {file} has no data rows below the header row (row {row}).</translation>
    </message>
    <message>
        <source>Semua {count} NIK di berkas {file} berakhir dengan angka 0: tanda Excel membulatkannya ke 15 angka, jadi angka terakhirnya hilang. Ambil NIK dari sumber aslinya, format kolom NIK sebagai Teks, lalu simpan lagi.</source>
        <translation>All NIKs in {file} end in 0 (count: {count}): Excel rounded them to 15 digits, so their last digit is lost. Take the NIKs from their original source, format the NIK column as Text, then save again.</translation>
    </message>
    <message>
        <source>Berkas {file} terlalu besar ({size} MB; paling besar {limit} MB). Pecah menjadi beberapa berkas.</source>
        <translation>The file {file} is too large ({size} MB; at most {limit} MB). Split it into several files.</translation>
    </message>
    <message>
        <source>Berkas {file} bukan lembar kerja yang dikenali. Simpan sebagai CSV, XLSX, XLS atau ODS lalu coba lagi.</source>
        <translation>The file {file} is not a recognised spreadsheet. Save it as CSV, XLSX, XLS or ODS and try again.</translation>
    </message>
    <message>
        <source>Berkas {file} tidak berisi lembar kerja.</source>
        <translation>The file {file} contains no worksheet.</translation>
    </message>
    <message>
        <source>Berkas {file} rusak atau terpotong dan tidak dapat dibaca. Buka di Excel/LibreOffice, simpan ulang, lalu coba lagi.</source>
        <translation>The file {file} is damaged or cut short and cannot be read. Open it in Excel/LibreOffice, save it again and try again.</translation>
    </message>
    <message>
        <source>Lembar kerja &quot;{sheet}&quot; di berkas {file} terbentang sampai kolom {column}, baris {row} ({cells} sel; paling banyak {limit} sel). Biasanya ada isi yang tertinggal jauh di luar tabel. Hapus isi di luar tabel (atau salin tabelnya saja ke lembar kerja baru), simpan ulang, lalu coba lagi.</source>
        <translation>The sheet &quot;{sheet}&quot; in {file} reaches column {column}, row {row} ({cells} cells; at most {limit}). Usually something was left far outside the table. Delete what is outside the table (or copy just the table to a new sheet), save again, then try again.</translation>
    </message>
    <message>
        <source>Lembar kerja &quot;{sheet}&quot; di berkas {file} memuat terlalu banyak sel (lebih dari {limit}). Pecah menjadi beberapa berkas yang lebih kecil, lalu coba lagi.</source>
        <translation>The sheet &quot;{sheet}&quot; in {file} holds too many cells (more than {limit}). Split it into smaller files, then try again.</translation>
    </message>
    <message>
        <source>Berkas {file} berformat Excel Binary (XLSB), yang tidak dibaca Sigap. Buka di Excel, simpan sebagai Excel Workbook (XLSX), lalu coba lagi.</source>
        <translation>The file {file} is in Excel Binary format (XLSB), which Sigap does not read. Open it in Excel, save it as an Excel Workbook (XLSX), then try again.</translation>
    </message>
    <message>
        <source>Huruf pada baris {line} berkas {file} tidak dapat dibaca (bukan UTF-8 atau Windows-1252). Simpan ulang sebagai CSV UTF-8, lalu coba lagi.</source>
        <translation>The characters on line {line} of {file} cannot be read (neither UTF-8 nor Windows-1252). Save it again as CSV UTF-8, then try again.</translation>
    </message>
    <message>
        <source>Berkas CSV {file} memuat sel yang terlalu panjang (lebih dari {limit} huruf) mulai baris {row}, biasanya karena tanda kutip (&quot;) yang tidak ditutup. Perbaiki sel itu di Excel/LibreOffice, simpan ulang, lalu coba lagi.</source>
        <translation>The CSV file {file} has a cell that is too long (more than {limit} characters) starting at row {row}, usually because of a quote mark (&quot;) that is never closed. Fix that cell in Excel/LibreOffice, save again, then try again.</translation>
    </message>
    <message>
        <source>Berkas CSV {file}: tanda kutip (&quot;) di baris {row} tidak ditutup, sehingga semua baris sesudahnya terbaca sebagai satu sel. Perbaiki baris itu, simpan ulang, lalu coba lagi.</source>
        <translation>CSV file {file}: the quote mark (&quot;) on row {row} is never closed, so every row after it reads as one cell. Fix that row, save again, then try again.</translation>
    </message>
    <message>
        <source>Berkas basis data {path} tidak dapat dibaca ({reason}).</source>
        <translation>The database file {path} cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>Berkas {path} bukan basis data Sigap. Pilih berkas .db yang dibuat oleh Sigap.</source>
        <translation>The file {path} is not a Sigap database. Choose a .db file made by Sigap.</translation>
    </message>
    <message>
        <source>Folder {folder} tidak dapat ditulisi (misalnya flashdisk yang dikunci atau tanpa izin tulis), padahal Sigap perlu menulis berkas pendamping basis data di sana. Basis data {file} dibuka untuk dilihat saja; tidak ada yang rusak. Untuk mengubah data, buka kunci flashdisk atau salin {file} ke folder yang dapat ditulisi, lalu buka salinannya.</source>
        <translation>The folder {folder} cannot be written (for example a locked USB stick, or no write permission), and Sigap needs to write the database&apos;s companion files there. The database {file} is open for viewing only; nothing is damaged. To change data, unlock the stick or copy {file} to a folder that can be written, then open the copy.</translation>
    </message>
    <message>
        <source>Berkas basis data {path} hanya dapat dibaca (read-only), jadi perubahan tidak dapat disimpan. Basis data dibuka untuk dilihat saja; tidak ada yang rusak. Untuk mengubah data, hilangkan tanda read-only pada berkas itu (Properties) atau minta izin tulis, lalu buka lagi.</source>
        <translation>The database file {path} is read-only, so changes cannot be saved. The database is open for viewing only; nothing is damaged. To change data, clear the file&apos;s read-only mark (Properties) or ask for write permission, then open it again.</translation>
    </message>
    <message>
        <source>Basis data {path} tidak ada. Siapkan dulu dengan perintah init atau pilih berkas lain.</source>
        <translation>The database {path} does not exist. Set it up first with the init command or choose another file.</translation>
    </message>
    <message>
        <source>Basis data baru tidak dapat dibuat di folder {folder}: folder itu tidak dapat ditulisi. Pilih folder lain.</source>
        <translation>A new database cannot be created in the folder {folder}: that folder cannot be written. Choose another folder.</translation>
    </message>
    <message>
        <source>Basis data {file} masih menyimpan perubahan terakhir di berkas pendamping {file}-wal, dan folder {folder} tidak dapat ditulisi sehingga perubahan itu tidak dapat dibaca. Salin {file} beserta {file}-wal ke folder yang dapat ditulisi, lalu buka salinannya.</source>
        <translation>The database {file} still holds its latest changes in the companion file {file}-wal, and the folder {folder} cannot be written, so those changes cannot be read. Copy {file} together with {file}-wal to a folder that can be written, then open the copy.</translation>
    </message>
    <message>
        <source>Basis data {path} dibuat oleh Sigap versi lama dan harus diperbarui sebelum dibuka, tetapi berkas atau foldernya tidak dapat ditulisi. Salin berkas itu ke folder yang dapat ditulisi, lalu buka salinannya.</source>
        <translation>The database {path} was made by an older Sigap and must be upgraded before it opens, but the file or its folder cannot be written. Copy the file to a folder that can be written, then open the copy.</translation>
    </message>
    <message>
        <source>Basis data {path} tidak dapat dibuka. Periksa apakah berkas dan foldernya dapat dibaca dan tidak sedang dipakai program lain, lalu coba lagi.</source>
        <translation>The database {path} cannot be opened. Check that the file and its folder can be read and are not in use by another program, then try again.</translation>
    </message>
    <message>
        <source>Basis data {path} rusak atau bukan basis data Sigap. Pulihkan dari cadangan terakhir.</source>
        <translation>The database {path} is damaged or not a Sigap database. Restore it from the latest backup.</translation>
    </message>
    <message>
        <source>Berkas {path} berisi basis data lain, bukan Sigap. Pilih berkas Sigap.</source>
        <translation>The file {path} holds another kind of database, not Sigap. Choose a Sigap file.</translation>
    </message>
    <message>
        <source>Basis data {path} dibuat oleh Sigap versi yang lebih baru (skema {revision}). Perbarui aplikasi Sigap untuk membukanya.</source>
        <translation>The database {path} was made by a newer version of Sigap (schema {revision}). Update Sigap to open it.</translation>
    </message>
    <message>
        <source>{field} &quot;{text}&quot; bukan tanggal yang dikenali. Tulis seperti 02-09-1980, 1980-09-02 atau 2 September 1980.</source>
        <translation>{field} &quot;{text}&quot; is not a recognised date. Write it like 02-09-1980, 1980-09-02 or 2 September 1980.</translation>
    </message>
    <message>
        <source>SQLite menemukan kerusakan: {detail}. Pulihkan dari cadangan.</source>
        <translation>SQLite found damage: {detail}. Restore from a backup.</translation>
    </message>
    <message>
        <source>Pengaman tulis hilang pada tabel: {tables}.</source>
        <translation>Write guards are missing on tables: {tables}.</translation>
    </message>
    <message>
        <source>{count} baris ditulis di luar jalur tulis (tabel: {tables}).</source>
        <translation>Rows written outside the write path: {count} (tables: {tables}).</translation>
    </message>
    <message>
        <source>{count} nilai tersimpan tidak dapat dibaca (jenis atau panjangnya tidak sesuai kolomnya), mis. {table} {row}, kolom {column}. Data itu tidak dapat ditampilkan atau diekspor; laporkan ke pengembang, atau pulihkan dari cadangan sebelum data itu masuk.</source>
        <translation>{count} stored values cannot be read (their type or length does not fit their column), e.g. {table} {row}, column {column}. That data cannot be shown or exported; report it to the developers, or restore from a backup made before it came in.</translation>
    </message>
    <message>
        <source>{count} NIK dipakai lebih dari satu peserta aktif (mis. {names}). Satu orang hanya boleh punya satu data aktif: gabungkan di Sinkronisasi, tab Data ganda, atau nonaktifkan data yang salah.</source>
        <translation>{count} NIKs are used by more than one active worker (e.g. {names}). One person may have only one active record: merge them in Sync, Duplicates tab, or make the wrong record inactive.</translation>
    </message>
    <message>
        <source>{count} peserta dibuat di laptop ini dengan desa di kecamatan lain ({names}); kantor kabupaten menolak setiap paket yang memuatnya. Tekan Perbaiki di Periksa basis data (atau perintah check --repair) untuk menghapusnya dari laptop ini agar pekerjaan lain terkirim, lalu daftarkan orang itu di kecamatan yang benar.</source>
        <translation>{count} workers were created on this laptop with a village in another kecamatan ({names}); the regency office refuses every bundle that carries them. Press Repair in Check database (or the command check --repair) to remove them from this laptop so that the other work gets through, then register those people in the right kecamatan.</translation>
    </message>
    <message>
        <source>Kantor belum disiapkan (jalankan perintah init).</source>
        <translation>The office has not been set up yet (run the init command).</translation>
    </message>
    <message>
        <source>Skema {revision} belum dimigrasi ke {head}.</source>
        <translation>Schema {revision} has not been migrated to {head}.</translation>
    </message>
    <message>
        <source>Mode jurnal {mode}, seharusnya wal.</source>
        <translation>Journal mode is {mode}; it should be wal.</translation>
    </message>
    <message>
        <source>Ekspor hanya ke berkas .xlsx atau .csv, bukan {file}.</source>
        <translation>Export only to an .xlsx or .csv file, not {file}.</translation>
    </message>
    <message>
        <source>Folder {folder} tidak ada. Pilih folder lain untuk ekspor.</source>
        <translation>Folder {folder} does not exist. Choose another folder for the export.</translation>
    </message>
    <message>
        <source>Berkas {file} tidak dapat ditulis ({reason}).</source>
        <translation>File {file} cannot be written ({reason}).</translation>
    </message>
    <message>
        <source>Data peserta tidak ditemukan; mungkin sudah dihapus atau digabung.</source>
        <translation>The worker&apos;s record was not found; it may have been deleted or merged.</translation>
    </message>
    <message>
        <source>Nama peserta wajib diisi.</source>
        <translation>The worker&apos;s name is required.</translation>
    </message>
    <message>
        <source>Jenis kelamin harus Laki-laki (L) atau Perempuan (P).</source>
        <translation>Sex must be male (L) or female (P).</translation>
    </message>
    <message>
        <source>Tanggal lahir wajib diisi.</source>
        <translation>The birth date is required.</translation>
    </message>
    <message>
        <source>Tanggal lahir tidak boleh setelah hari ini.</source>
        <translation>The birth date cannot be after today.</translation>
    </message>
    <message>
        <source>Pilih paling sedikit satu program (JKK, JKM, JHT).</source>
        <translation>Choose at least one programme (JKK, JKM, JHT).</translation>
    </message>
    <message>
        <source>Penghasilan harus berupa angka rupiah, tidak negatif.</source>
        <translation>Income must be an amount in rupiah, not negative.</translation>
    </message>
    <message>
        <source>Akhir kepesertaan tidak boleh sebelum mulai kepesertaan.</source>
        <translation>The coverage end cannot be before the coverage start.</translation>
    </message>
    <message>
        <source>Sumber dana belum dipilih.</source>
        <translation>No funding source chosen.</translation>
    </message>
    <message>
        <source>Nomor telepon hanya boleh berisi angka (boleh diawali +), paling banyak 20.</source>
        <translation>A phone number may contain only digits (optionally starting with +), at most 20.</translation>
    </message>
    <message>
        <source>Daftar wilayah laptop ini tidak memuat desa kecamatan {district}. Minta kantor kabupaten mengirim paket terbaru, lalu ulangi.</source>
        <translation>This laptop&apos;s region list has no village of kecamatan {district}. Ask the regency office for its latest bundle, then try again.</translation>
    </message>
    <message>
        <source>NIK ini sudah dipakai peserta aktif lain: {name} (desa {village}). Satu orang hanya boleh punya satu data aktif: buka data yang ada dan perbarui di sana, atau nonaktifkan data itu lebih dulu.</source>
        <translation>This NIK is already used by another active worker: {name} (village {village}). One person may have only one active record: open the existing record and update it there, or make that record inactive first.</translation>
    </message>
    <message>
        <source>Kecamatan {district} ada di luar kabupaten kantor ini ({region}). Pilih desa di kabupaten ini.</source>
        <translation>Kecamatan {district} is outside this office&apos;s regency ({region}). Choose a village of this regency.</translation>
    </message>
    <message>
        <source>Peserta ini sudah tercatat di kecamatan lain ({district}). Perubahannya dilakukan oleh kecamatan itu atau oleh kantor kabupaten.</source>
        <translation>This worker is now recorded in another kecamatan ({district}). Changes are made by that kecamatan or by the regency office.</translation>
    </message>
    <message>
        <source>Desa yang dipilih ada di kecamatan lain ({district}), di luar wilayah kantor ini ({region}). Laptop kecamatan hanya menambah peserta di kecamatannya sendiri; pilih desa di kecamatan ini, atau minta kecamatan itu atau kantor kabupaten mendaftarkannya.</source>
        <translation>The chosen village is in another kecamatan ({district}), outside this office&apos;s area ({region}). A kecamatan laptop adds workers of its own kecamatan only; choose a village of this kecamatan, or ask that kecamatan or the regency office to register the person.</translation>
    </message>
    <message>
        <source>Desa belum dipilih atau tidak ada di daftar wilayah ({code}).</source>
        <translation>No village chosen, or the village is not in the region list ({code}).</translation>
    </message>
    <message>
        <source>Kategori peserta belum dipilih.</source>
        <translation>No worker category chosen.</translation>
    </message>
    <message>
        <source>Sub-kategori {subcategory} bukan bagian dari kategori ini.</source>
        <translation>Sub-category {subcategory} does not belong to this category.</translation>
    </message>
    <message>
        <source>Tuliskan alasan peserta dinonaktifkan.</source>
        <translation>Write why the worker is being deactivated.</translation>
    </message>
    <message>
        <source>Isi tanggal peserta meninggal dunia.</source>
        <translation>Enter the date the worker died.</translation>
    </message>
    <message>
        <source>Tanggal meninggal harus di antara tanggal lahir dan hari ini.</source>
        <translation>The date of death must be between the birth date and today.</translation>
    </message>
    <message>
        <source>Kode kecamatan &quot;{text}&quot; tidak ada di daftar wilayah kantor ini ({scope}). Periksa kodenya, mis. 16.02.05.</source>
        <translation>District code &quot;{text}&quot; is not in this office&apos;s region list ({scope}). Check the code, e.g. 16.02.05.</translation>
    </message>
    <message>
        <source>Kecamatan &quot;{text}&quot; cocok dengan lebih dari satu kecamatan: {candidates}. Tulis kode kecamatannya.</source>
        <translation>District &quot;{text}&quot; matches more than one district: {candidates}. Write the district code.</translation>
    </message>
    <message>
        <source>Kecamatan &quot;{text}&quot; tidak ada di daftar wilayah kantor ini ({scope}). Periksa ejaannya atau tulis kodenya, mis. 16.02.05.</source>
        <translation>District &quot;{text}&quot; is not in this office&apos;s region list ({scope}). Check the spelling or write its code, e.g. 16.02.05.</translation>
    </message>
    <message>
        <source>Kode desa/kelurahan &quot;{text}&quot; tidak ada di daftar wilayah kantor ini ({scope}). Periksa kodenya, mis. 16.02.05.2001.</source>
        <translation>Village code &quot;{text}&quot; is not in this office&apos;s region list ({scope}). Check the code, e.g. 16.02.05.2001.</translation>
    </message>
    <message>
        <source>Desa/kelurahan &quot;{text}&quot; ada lebih dari satu: {candidates}. Isi kolom Kecamatan atau tulis kode desanya.</source>
        <translation>There is more than one village named &quot;{text}&quot;: {candidates}. Fill in the District column or write the village code.</translation>
    </message>
    <message>
        <source>Desa/kelurahan &quot;{text}&quot; tidak ada di daftar wilayah kantor ini ({scope}). Periksa ejaannya atau tulis kodenya, mis. 16.02.05.2001.</source>
        <translation>Village &quot;{text}&quot; is not in this office&apos;s region list ({scope}). Check the spelling or write its code, e.g. 16.02.05.2001.</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; bukan nama wilayah berkode {code} ({name}); dipakai kodenya. Periksa kolom nama dan kode wilayahnya.</source>
        <translation>&quot;{text}&quot; is not the name of region {code} ({name}); the code was used. Check the region&apos;s name and code columns.</translation>
    </message>
    <message>
        <source>Desa/kelurahan &quot;{text}&quot; tidak ada di Kecamatan {district}. Periksa kolom Desa dan Kecamatan.</source>
        <translation>Village &quot;{text}&quot; is not in {district} District. Check the Village and District columns.</translation>
    </message>
    <message>
        <source>Desa/kelurahan &quot;{text}&quot; dibaca sebagai {name} ({code}). Periksa bila keliru.</source>
        <translation>Village &quot;{text}&quot; was read as {name} ({code}). Check it in case this is wrong.</translation>
    </message>
    <message>
        <source>Kecamatan &quot;{text}&quot; dibaca sebagai {name} ({code}). Periksa bila keliru.</source>
        <translation>District &quot;{text}&quot; was read as {name} ({code}). Check it in case this is wrong.</translation>
    </message>
    <message>
        <source>NIK tersimpan sebagai angka, dan Excel hanya menyimpan 15 angka: angka terakhirnya bisa hilang (berubah menjadi 0). Ketik ulang NIK sebagai teks: format sel Teks atau awali dengan tanda petik (&apos;).</source>
        <translation>The NIK is stored as a number, and Excel keeps only 15 digits: its last digit may be lost (turned into 0). Type the NIK again as text: format the cell as Text or start it with an apostrophe (&apos;).</translation>
    </message>
    <message>
        <source>Nomor KK tersimpan sebagai angka, dan Excel hanya menyimpan 15 angka: angka terakhirnya bisa hilang (berubah menjadi 0). Ketik ulang nomor KK sebagai teks: format sel Teks atau awali dengan tanda petik (&apos;).</source>
        <translation>The KK number is stored as a number, and Excel keeps only 15 digits: its last digit may be lost (turned into 0). Type the KK number again as text: format the cell as Text or start it with an apostrophe (&apos;).</translation>
    </message>
    <message>
        <source>Nama belum diisi. Isi nama sesuai KTP.</source>
        <translation>The name is missing. Fill in the name as on the identity card (KTP).</translation>
    </message>
    <message>
        <source>Tanggal lahir belum diisi. Tulis seperti 02-09-1980.</source>
        <translation>The date of birth is missing. Write it like 02-09-1980.</translation>
    </message>
    <message>
        <source>Tanggal lahir {date} belum terjadi. Periksa tahunnya.</source>
        <translation>The date of birth {date} is in the future. Check the year.</translation>
    </message>
    <message>
        <source>Jenis kelamin &quot;{text}&quot; tidak dikenali. Tulis L (laki-laki) atau P (perempuan).</source>
        <translation>Sex &quot;{text}&quot; is not recognised. Write L (male) or P (female).</translation>
    </message>
    <message>
        <source>Jenis kelamin kosong; diisi {sex} menurut NIK.</source>
        <translation>The sex was empty; filled in as {sex} from the NIK.</translation>
    </message>
    <message>
        <source>Jenis kelamin belum diisi. Tulis L (laki-laki) atau P.</source>
        <translation>The sex is missing. Write L (male) or P (female).</translation>
    </message>
    <message>
        <source>Kategori tidak dapat ditentukan dari kolom Kategori maupun Jabatan. Isi kolom Kategori, atau pilih kategori untuk seluruh berkas.</source>
        <translation>The category cannot be determined from either the Category or the Position column. Fill in the Category column, or choose a category for the whole file.</translation>
    </message>
    <message>
        <source>Akhir kepesertaan ({end}) lebih awal dari mulainya ({start}). Periksa kedua tanggal.</source>
        <translation>The coverage end ({end}) is before its start ({start}). Check both dates.</translation>
    </message>
    <message>
        <source>Desa/kelurahan belum diisi. Tulis nama atau kode desa/kelurahan.</source>
        <translation>The village is missing. Write the name or code of the village.</translation>
    </message>
    <message>
        <source>NIK ini sudah ada di baris {first} berkas ini. Hapus salah satu baris, atau gabungkan isinya.</source>
        <translation>This NIK is already in row {first} of this file. Delete one of the rows, or merge their contents.</translation>
    </message>
    <message>
        <source>Berkas {name} bukan paket sinkronisasi Sigap. Pilih berkas berakhiran .sigap.</source>
        <translation>The file {name} is not a Sigap sync bundle. Choose a file ending in .sigap.</translation>
    </message>
    <message>
        <source>Paket {name} tidak lengkap (terpotong, mungkin flashdisk dicabut saat menyalin). Minta kantor pengirim mengekspor ulang.</source>
        <translation>The bundle {name} is incomplete (cut short; perhaps the USB stick was removed during copying). Ask the sending office to export it again.</translation>
    </message>
    <message>
        <source>Tanda tangan paket {name} tidak sah: paket diubah setelah dibuat atau bukan dari perangkat yang terdaftar. Paket ditolak; minta kantor pengirim mengekspor ulang.</source>
        <translation>The signature of the bundle {name} is not valid: the bundle was changed after it was made, or it does not come from a registered device. The bundle was rejected; ask the sending office to export it again.</translation>
    </message>
    <message>
        <source>Paket {name} tidak dapat dibuka dengan kunci kantor ini (rusak, atau dibuat untuk perangkat lain). Minta kantor pengirim mengekspor ulang.</source>
        <translation>The bundle {name} cannot be opened with this office&apos;s key (it is damaged, or was made for another device). Ask the sending office to export it again.</translation>
    </message>
    <message>
        <source>Paket {name} terlalu besar ({size}); batasnya {limit}.</source>
        <translation>The bundle {name} is too large ({size}); the limit is {limit}.</translation>
    </message>
    <message>
        <source>Ruang kosong di tujuan tidak cukup: perlu {need}, tersedia {free}. Kosongkan flashdisk atau pilih tujuan lain.</source>
        <translation>Not enough free space at the destination: {need} needed, {free} available. Free up space on the USB stick or choose another destination.</translation>
    </message>
    <message>
        <source>Salinan paket di flashdisk tidak sama dengan aslinya (flashdisk rusak?). Salinan dihapus; coba flashdisk lain.</source>
        <translation>The copy of the bundle on the USB stick does not match the original (is the USB stick faulty?). The copy was deleted; try another USB stick.</translation>
    </message>
    <message>
        <source>Paket {name} berisi satu catatan sebesar {size}, melebihi batas {limit} per catatan. Paket ditolak; tidak ada data yang berubah. Minta kantor pengirim memeriksa datanya lalu mengekspor ulang.</source>
        <translation>Bundle {name} holds a record of {size}, over the limit of {limit} per record. The bundle is refused; nothing changed. Ask the sending office to check its data, then export again.</translation>
    </message>
    <message>
        <source>Berkas {name} tidak dapat dibaca atau ditulis (flashdisk dicabut atau rusak?). Periksa flashdisk, lalu coba lagi.</source>
        <translation>The file {name} cannot be read or written (was the USB stick removed, or is it faulty?). Check the USB stick, then try again.</translation>
    </message>
    <message>
        <source>Berkas {name} berubah ukuran saat disalin (masih ditulis?). Tunggu penyalinan selesai, lalu coba lagi.</source>
        <translation>The file {name} changed size while being copied (is it still being written?). Wait for the copying to finish, then try again.</translation>
    </message>
    <message>
        <source>{name} bukan berkas biasa. Pilih berkas paket berakhiran .sigap.</source>
        <translation>{name} is not a regular file. Choose a bundle file ending in .sigap.</translation>
    </message>
    <message>
        <source>Kunci perangkat di paket {name} tidak sah. Paket ditolak; minta kantor pengirim mengekspor ulang.</source>
        <translation>The device key in the bundle {name} is not valid. The bundle was rejected; ask the sending office to export it again.</translation>
    </message>
    <message>
        <source>Paket {name} rusak dan tidak dapat dibaca. Minta kantor pengirim mengekspor ulang.</source>
        <translation>The bundle {name} is damaged and cannot be read. Ask the sending office to export it again.</translation>
    </message>
    <message>
        <source>Di tujuan sudah ada {name} yang berupa tautan (symlink) atau bukan berkas biasa. Sigap tidak menulis lewat tautan karena bisa menimpa berkas lain, misalnya basis data. Hapus {name} atau pilih folder lain, lalu coba lagi.</source>
        <translation>{name} already exists at the destination as a link (symlink) or something other than a plain file. Sigap does not write through links, because that could overwrite another file such as the database. Delete {name} or choose another folder, then try again.</translation>
    </message>
    <message>
        <source>Pendaftaran kecamatan hanya dapat dilakukan di kantor kabupaten.</source>
        <translation>Districts can only be registered at the regency office.</translation>
    </message>
    <message>
        <source>Kode {code} bukan kecamatan di kabupaten {regency}. Pakai kode kecamatan seperti {regency}.05.</source>
        <translation>Code {code} is not a district of regency {regency}. Use a district code such as {regency}.05.</translation>
    </message>
    <message>
        <source>Paket {name} dibuat dengan format yang tidak dikenal oleh versi Sigap ini. Perbarui Sigap di kedua kantor ke versi yang sama.</source>
        <translation>The bundle {name} was made in a format this version of Sigap does not know. Update Sigap at both offices to the same version.</translation>
    </message>
    <message>
        <source>Basis data ini sudah menjadi milik sebuah kantor. Bergabung hanya dapat dilakukan pada basis data baru.</source>
        <translation>This database already belongs to an office. Only a new database can join.</translation>
    </message>
    <message>
        <source>Berkas {name} adalah paket biasa, bukan berkas pendaftaran kecamatan. Minta berkas pendaftaran dari kantor kabupaten.</source>
        <translation>The file {name} is an ordinary bundle, not a district registration file. Ask the regency office for the registration file.</translation>
    </message>
    <message>
        <source>Perangkat kantor ini sendiri tidak dapat dicabut.</source>
        <translation>This office&apos;s own device cannot be revoked.</translation>
    </message>
    <message>
        <source>Belum ada kantor tujuan: daftarkan kecamatan dulu (di kantor kabupaten) atau bergabung dengan kantor kabupaten (di laptop kecamatan).</source>
        <translation>There is no destination office yet: first register a district (at the regency office) or join the regency office (on a district laptop).</translation>
    </message>
    <message>
        <source>Folder tujuan {name} tidak ada. Pasang flashdisk atau pilih folder lain.</source>
        <translation>The destination folder {name} does not exist. Plug in the USB stick or choose another folder.</translation>
    </message>
    <message>
        <source>{peer} belum pernah mengirim paket, jadi kuncinya belum dikenal. Impor dulu paket pertama dari {peer}.</source>
        <translation>{peer} has not sent a bundle yet, so its key is not known. Start by importing the first bundle from {peer}.</translation>
    </message>
    <message>
        <source>Paket {name} berasal dari kabupaten {theirs}, bukan kabupaten kantor ini ({ours}). Paket ditolak.</source>
        <translation>The bundle {name} comes from regency {theirs}, not from this office&apos;s regency ({ours}). The bundle was rejected.</translation>
    </message>
    <message>
        <source>Paket {name} ditujukan ke perangkat lain ({device}), bukan kantor ini. Periksa flashdisk: mungkin paket untuk kecamatan lain.</source>
        <translation>The bundle {name} is addressed to another device ({device}), not to this office. Check the USB stick: it may be the bundle for another district.</translation>
    </message>
    <message>
        <source>Paket {name} dibuat oleh versi Sigap dengan skema {theirs}; kantor ini memakai skema {ours}. Samakan versi Sigap di kedua kantor, lalu ekspor ulang.</source>
        <translation>The bundle {name} was made by a version of Sigap with schema {theirs}; this office uses schema {ours}. Bring both offices to the same version of Sigap, then export again.</translation>
    </message>
    <message>
        <source>Paket {name} berasal dari perangkat {device} yang tidak terdaftar di kantor ini. Paket ditolak; daftarkan kecamatan itu dulu.</source>
        <translation>The bundle {name} comes from device {device}, which is not registered at this office. The bundle was rejected; register that district first.</translation>
    </message>
    <message>
        <source>Paket {name} memakai nomor paket yang sudah pernah diterima dari perangkat yang sama, tetapi isinya berbeda. Paket ditolak; tidak ada data yang berubah. Minta kantor pengirim mengekspor paket baru, dan laporkan ke admin kabupaten.</source>
        <translation>Bundle {name} uses a bundle number already received from the same device, but with other content. The bundle is refused; nothing changed. Ask the sending office to export a new bundle, and report it to the regency admin.</translation>
    </message>
    <message>
        <source>Paket {name} memakai pendaftaran {office} ({district}) yang tidak berlaku lagi: kecamatan itu sudah didaftarkan ulang, pendaftarannya dicabut, atau dibuat oleh versi Sigap sebelumnya. Paket ditolak. Laptop itu harus bergabung lagi (dengan basis data baru) memakai berkas dan kode pendaftaran terbaru; bila tidak ada, daftarkan ulang kecamatan itu.</source>
        <translation>Bundle {name} uses an enrolment of {office} ({district}) that is no longer valid: the kecamatan was enrolled again, its enrolment was revoked, or it was made by an earlier Sigap. The bundle is refused. That laptop must join again (with a new database) using the newest enrolment file and code; if there is none, enrol the kecamatan again.</translation>
    </message>
    <message>
        <source>Pendaftaran {office} ({district}) sudah kedaluwarsa: dibuat {enrolled} dan berlaku {days} hari, sampai {until}. Paket pertama {name} ditolak. Daftarkan ulang kecamatan itu di kantor kabupaten, lalu bergabung lagi di laptop (dengan basis data baru) memakai berkas dan kode yang baru, dan segera kirim paket pertamanya.</source>
        <translation>The enrolment of {office} ({district}) has expired: made {enrolled} and valid for {days} days, until {until}. First bundle {name} is refused. Enrol the kecamatan again at the regency office, then join again on the laptop (with a new database) using the new file and code, and send its first bundle promptly.</translation>
    </message>
    <message>
        <source>Paket {name} dari {office} mengubah {field} pada {row}, padahal itu hanya boleh diubah kantor kabupaten, atau tidak boleh diisi begitu oleh kecamatan pada tahap klaim ini. Paket ditolak seluruhnya; tidak ada data yang berubah. Laporkan ke admin kabupaten.</source>
        <translation>Bundle {name} from {office} changes {field} of {row}, which only the regency office may change, or which a kecamatan may not set so at this stage of the claim. The whole bundle is refused; nothing changed. Report it to the regency admin.</translation>
    </message>
    <message>
        <source>Paket {name} dari {office} memuat perubahan bercap waktu jauh di masa depan ({when}) pada {row}: jam laptop itu salah. Paket ditolak seluruhnya; tidak ada data yang berubah. Betulkan tanggal dan jam laptop itu, lalu hubungi admin kabupaten sebelum mengirim lagi.</source>
        <translation>Bundle {name} from {office} holds a change stamped far in the future ({when}) on {row}: that laptop&apos;s clock is wrong. The whole bundle is refused; nothing changed. Fix that laptop&apos;s date and time, then contact the regency admin before sending again.</translation>
    </message>
    <message>
        <source>Paket {name} dari {office} berisi langkah klaim atas nama perangkat atau pengguna di luar kantor itu, atau mengubah langkah yang sudah tercatat ({row}). Paket ditolak seluruhnya; tidak ada data yang berubah. Laporkan ke admin kabupaten: paketnya mungkin diubah orang.</source>
        <translation>Bundle {name} from {office} holds a claim step in the name of a device or user outside that office, or changes a step already recorded ({row}). The whole bundle is refused; nothing changed. Report it to the regency admin: the bundle may have been tampered with.</translation>
    </message>
    <message>
        <source>Paket {name} dari {office} berisi catatan audit atas nama pengguna di luar kantor itu atau dengan peran kantor kabupaten. Paket ditolak seluruhnya; tidak ada data yang berubah. Laporkan ke admin kabupaten: paketnya mungkin diubah orang.</source>
        <translation>Bundle {name} from {office} holds audit entries in the name of a user outside that office or with a regency role. The whole bundle is refused; nothing changed. Report it to the regency admin: the bundle may have been tampered with.</translation>
    </message>
    <message>
        <source>Paket {name} dari {office} mengaku sudah menerima perubahan {row} yang belum pernah dikirim kantor kabupaten kepadanya. Paket ditolak seluruhnya; tidak ada data yang berubah. Laporkan ke admin kabupaten: paketnya mungkin diubah orang.</source>
        <translation>Bundle {name} from {office} claims to have received changes to {row} that the regency office never sent it. The whole bundle is refused; nothing changed. Report it to the regency admin: the bundle may have been tampered with.</translation>
    </message>
    <message>
        <source>Paket {name} dari {office} mengubah {row}, padahal klaim itu sudah dipindahkan kantor kabupaten ke desa di kecamatan lain sebelum perubahan itu dibuat. Paket ditolak seluruhnya; tidak ada data yang berubah. Perubahan atas klaim itu kini dilakukan oleh kecamatan barunya atau kantor kabupaten.</source>
        <translation>Bundle {name} from {office} changes {row}, although the regency office had moved that claim to a village in another kecamatan before the change was made. The whole bundle is refused; nothing changed. Changes to that claim are now made by its new kecamatan or the regency office.</translation>
    </message>
    <message>
        <source>Paket {name} dari {office} mengubah {row}, padahal peserta itu sudah dipindahkan kantor kabupaten ke kecamatan lain sebelum perubahan itu dibuat. Paket ditolak seluruhnya; tidak ada data yang berubah. Perubahan atas peserta itu kini dilakukan oleh kecamatan barunya atau kantor kabupaten.</source>
        <translation>Bundle {name} from {office} changes {row}, although the regency office had moved that worker to another kecamatan before the change was made. The whole bundle is refused; nothing changed. Changes to that worker are now made by their new kecamatan or the regency office.</translation>
    </message>
    <message>
        <source>Paket {name} dari {office} memuat data di luar wilayah kecamatannya: {row}. Paket ditolak seluruhnya; tidak ada data yang berubah. Bila itu salah pilih desa di laptop, tekan Perbaiki di Periksa basis data pada laptop itu (atau perintah check --repair), lalu kirim paket baru; bila tidak, laporkan ke admin kabupaten.</source>
        <translation>Bundle {name} from {office} holds data outside its kecamatan: {row}. The whole bundle is refused; nothing changed. If a wrong village was chosen on the laptop, press Repair in Check database on that laptop (or the command check --repair), then send a new bundle; otherwise report it to the regency admin.</translation>
    </message>
    <message>
        <source>{name} adalah berkas basis data yang sedang dibuka; paket tidak boleh menimpanya. Pilih nama berkas atau folder lain.</source>
        <translation>{name} is the database that is open; a bundle may not overwrite it. Choose another file name or folder.</translation>
    </message>
    <message>
        <source>Paket {name} berisi nilai yang tidak sah: kolom {column} pada data {table} {row} harus berupa {expected}. Paket ditolak seluruhnya dan tidak ada yang berubah; minta kantor pengirim memperbarui Sigap, memeriksa data itu, lalu mengekspor ulang.</source>
        <translation>Bundle {name} holds a value that is not valid: column {column} of {table} {row} must be {expected}. The whole bundle is refused and nothing changed; ask the sending office to update Sigap, check that record, then export again.</translation>
    </message>
    <message>
        <source>Perangkat {device} ({office}) sudah dicabut; paketnya ditolak. Daftarkan ulang kecamatan itu bila perangkatnya dipakai lagi.</source>
        <translation>The device {device} ({office}) has been revoked; its bundles are rejected. Register that district again if the device is to be used again.</translation>
    </message>
    <message>
        <source>Paket {name} dari {office} berisi perubahan baru atas nama perangkat lain ({device}). Paket ditolak seluruhnya; tidak ada data yang berubah. Laporkan ke admin kabupaten: paketnya mungkin diubah orang.</source>
        <translation>Bundle {name} from {office} holds new changes in the name of another device ({device}). The whole bundle was refused; no data changed. Report it to the regency admin: someone may have altered the bundle.</translation>
    </message>
    <message>
        <source>Paket {name} dari {office} berisi data yang bentrok dengan data kantor ini: {what} yang sama ({columns}) sudah dipakai oleh data lain. Paket ditolak; tidak ada data yang berubah. Laporkan ke admin kabupaten agar salah satunya diubah, lalu kirim paket baru.</source>
        <translation>Bundle {name} from {office} holds data that clashes with this office&apos;s: the same {what} ({columns}) is already used by another record. The bundle was refused; no data changed. Ask the regency admin to change one of them, then send a new bundle.</translation>
    </message>
    <message>
        <source>PERINGATAN: paket berisi perubahan {ref} yang nomornya sama dengan perubahan yang sudah ada tetapi isinya berbeda. Paket ditolak. Laporkan ke admin kabupaten: perangkat itu mungkin dipulihkan dari cadangan lama atau disalin.</source>
        <translation>WARNING: the bundle contains a change {ref} with the same number as an existing change but different contents. The bundle was rejected. Report this to the regency admin: that device may have been restored from an old backup or copied.</translation>
    </message>
    <message>
        <source>Berkas {name} tidak ditemukan atau bukan berkas.</source>
        <translation>The file {name} was not found or is not a file.</translation>
    </message>
    <message>
        <source>Berkas {name} tidak dapat dibaca dari flashdisk. Periksa flashdisk, lalu coba lagi.</source>
        <translation>The file {name} cannot be read from the USB stick. Check the USB stick, then try again.</translation>
    </message>
    <message>
        <source>Kode sekali pakai tidak cocok dengan berkas pendaftaran {name}. Periksa kode yang diberikan kantor kabupaten (12 huruf/angka).</source>
        <translation>The one-time code does not match the registration file {name}. Check the code the regency office gave you (12 letters/digits).</translation>
    </message>
    <message>
        <source>Konflik ini sudah diselesaikan atau tidak ada lagi.</source>
        <translation>This conflict has already been resolved or no longer exists.</translation>
    </message>
    <message>
        <source>Pasangan data ganda ini sudah diputuskan atau tidak ada lagi.</source>
        <translation>This pair of duplicates has already been decided or no longer exists.</translation>
    </message>
    <message>
        <source>Paket {name} mengaku dari {office} ({district}) tetapi memakai kunci perangkat lain (sidik kunci {theirs}), bukan kunci yang tersemat untuk perangkat itu di kantor ini (sidik kunci {pinned}). Paket ditolak. Bandingkan dengan sidik kunci di layar Sinkronisasi laptop kecamatan itu: bila kunci yang tersemat bukan milik laptop yang sah, cabut perangkat {device} dan daftarkan ulang kecamatan itu.</source>
        <translation>Bundle {name} claims to come from {office} ({district}) but uses another device key (fingerprint {theirs}), not the key pinned for that device at this office (fingerprint {pinned}). The bundle is refused. Compare with the fingerprint on that kecamatan laptop&apos;s Sync screen: if the pinned key is not the genuine laptop&apos;s, revoke device {device} and enrol the kecamatan again.</translation>
    </message>
    <message>
        <source>Perangkat {device} tidak dikenal di kantor ini.</source>
        <translation>The device {device} is not known at this office.</translation>
    </message>
    <message>
        <source>Nilai &quot;{value}&quot; untuk pengaturan {key} ({label}) tidak sah: tulis bilangan bulat {minimum} sampai {maximum}.</source>
        <translation>The value &quot;{value}&quot; for the setting {key} ({label}) is not valid: write a whole number from {minimum} to {maximum}.</translation>
    </message>
    <message>
        <source>Pengaturan {key} tidak dikenal. Pengaturan yang ada: {known}.</source>
        <translation>Unknown setting {key}. The settings are: {known}.</translation>
    </message>
    <message>
        <source>teks paling panjang {length} huruf</source>
        <translation>a text of at most {length} characters</translation>
    </message>
    <message>
        <source>bilangan bulat</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <source>ya/tidak</source>
        <translation>yes/no</translation>
    </message>
    <message>
        <source>tanggal (TAHUN-BULAN-TANGGAL)</source>
        <translation>a date (YEAR-MONTH-DAY)</translation>
    </message>
    <message>
        <source>waktu</source>
        <translation>a time</translation>
    </message>
    <message>
        <source>Hari libur {date} belum bernama. Tuliskan nama hari liburnya.</source>
        <translation>The holiday on {date} has no name. Write the name of the holiday.</translation>
    </message>
    <message>
        <source>Jumlah {amount} tidak sah: jumlah klaim tidak boleh kurang dari Rp0.</source>
        <translation>The amount {amount} is not valid: a claim amount cannot be less than Rp0.</translation>
    </message>
    <message>
        <source>Tuliskan alasan mengubah jumlah klaim menjadi {amount} (misalnya nomor surat keputusan).</source>
        <translation>Write the reason for changing the claim amount to {amount} (for example the number of the decision letter).</translation>
    </message>
    <message>
        <source>Beasiswa anak belum dihitung: masa iuran {months} bulan, sedangkan beasiswa baru berhak setelah {years} tahun iuran.</source>
        <translation>The children&apos;s scholarship was not counted: the contribution period is {months} months, and scholarships are only due after {years} years of contributions.</translation>
    </message>
    <message>
        <source>Tuliskan alasan tanda ini dihapus (misalnya hasil pemeriksaan lapangan). Tanda: {flag}</source>
        <translation>Write why this flag is being removed (for example the result of a field check). Flag: {flag}</translation>
    </message>
    <message>
        <source>Rekening penerima {account} juga menjadi rekening penerima klaim lain yang tidak berkaitan: {others}. Pastikan rekening ini memang milik ahli waris.</source>
        <translation>The payee account {account} is also the payee account of other, unrelated claims: {others}. Make sure this account really belongs to the heir.</translation>
    </message>
    <message>
        <source>NIK ahli waris {heir} sama dengan NIK {name} yang diklaim. Periksa NIK ahli waris.</source>
        <translation>The NIK of the heir {heir} is the same as the NIK of {name}, for whom the claim is made. Check the heir&apos;s NIK.</translation>
    </message>
    <message>
        <source>Penerima pembayaran {payee} ({relationship}) bukan ahli waris urutan pertama: ada {first} ({first_relationship}). Pastikan ada surat kuasa atau alasan yang sah.</source>
        <translation>The payee {payee} ({relationship}) is not first in the order of heirs: there is {first} ({first_relationship}). Make sure there is a power of attorney or a valid reason.</translation>
    </message>
    <message>
        <source>{name} meninggal {after} hari setelah kepesertaan mulai ({start}). Kematian dalam {days} hari pertama kepesertaan perlu diperiksa.</source>
        <translation>{name} died {after} days after coverage started ({start}). A death within the first {days} days of coverage needs checking.</translation>
    </message>
    <message>
        <source>{name} tercatat di wilayah {village}, di luar kabupaten {regency}. Santunan kematian hanya untuk warga kabupaten ini: periksa alamatnya.</source>
        <translation>{name} is recorded in {village}, outside the regency {regency}. The death benefit (santunan kematian) is only for residents of this regency: check the address.</translation>
    </message>
    <message>
        <source>Desil DTSEN {name} belum dicatat. Isi desilnya dari data DTSEN (santunan untuk desil 1 sampai {max}).</source>
        <translation>The DTSEN decile of {name} has not been recorded. Fill it in from the DTSEN data (the benefit is for deciles 1 to {max}).</translation>
    </message>
    <message>
        <source>Desil DTSEN {name} adalah {decile}, di atas batas desil {max} untuk santunan kematian. Periksa data DTSEN.</source>
        <translation>The DTSEN decile of {name} is {decile}, above the limit of decile {max} for the death benefit. Check the DTSEN data.</translation>
    </message>
    <message>
        <source>Klaim {kind} diajukan {filed}, lebih dari {years} tahun setelah kecelakaan {date} (batas {deadline}). Hak klaim JKK sudah kedaluwarsa.</source>
        <translation>The {kind} claim was filed on {filed}, more than {years} years after the accident on {date} (deadline {deadline}). The right to a JKK claim has expired.</translation>
    </message>
    <message>
        <source>Desil DTSEN {decile} tidak sah: tulis angka 1 sampai 10, atau kosongkan bila belum diketahui.</source>
        <translation>DTSEN decile {decile} is not valid: write a number from 1 to 10, or leave it empty if it is not known yet.</translation>
    </message>
    <message>
        <source>{event} {date} belum terjadi (hari ini {today}). Periksa tanggalnya.</source>
        <translation>{event} {date} is in the future (today is {today}). Check the date.</translation>
    </message>
    <message>
        <source>{event} {date} lebih awal dari tanggal lahir {name} ({birth}). Periksa tanggalnya.</source>
        <translation>{event} {date} is before the date of birth of {name} ({birth}). Check the date.</translation>
    </message>
    <message>
        <source>Tanggal lapor {filed} lebih awal dari {event_lower} {date}. Periksa kedua tanggal.</source>
        <translation>The report date {filed} is before the {event_lower} {date}. Check both dates.</translation>
    </message>
    <message>
        <source>Klaim {kind} hanya untuk peserta yang ada di data peserta. Buka klaim dari baris pesertanya, atau pilih Santunan Kematian untuk warga yang tidak terdaftar.</source>
        <translation>A {kind} claim is only for workers in the roster. Open the claim from the worker&apos;s row, or choose Regency death benefit for a resident who is not registered.</translation>
    </message>
    <message>
        <source>{name} tidak terdaftar dalam program {programme}, jadi klaim {kind} tidak dapat diajukan. Periksa program peserta di data peserta.</source>
        <translation>{name} is not enrolled in the {programme} programme, so a {kind} claim cannot be filed. Check the worker&apos;s programmes in the worker record.</translation>
    </message>
    <message>
        <source>Masa kepesertaan {name} belum diisi, jadi belum dapat dipastikan bahwa {event_lower} {date} tercakup. Isi tanggal mulai kepesertaan di data peserta, lalu coba lagi.</source>
        <translation>The coverage period of {name} has not been filled in, so it cannot be confirmed that the {event_lower} {date} is covered. Fill in the coverage start in the worker record, then try again.</translation>
    </message>
    <message>
        <source>{event} {date} di luar masa kepesertaan {name} ({period}). Klaim {kind} hanya untuk kejadian dalam masa kepesertaan: periksa tanggalnya atau masa kepesertaan di data peserta.</source>
        <translation>{event} {date} is outside the coverage period of {name} ({period}). A {kind} claim is only for events within the coverage period: check the date, or the coverage period in the worker record.</translation>
    </message>
    <message>
        <source>{event} {date} sesudah {name} keluar dari kepesertaan ({exit}). Klaim {kind} tidak dapat diajukan untuk kejadian setelah peserta keluar.</source>
        <translation>{event} {date} is after {name} left coverage ({exit}). A {kind} claim cannot be filed for an event after the worker left.</translation>
    </message>
    <message>
        <source>Santunan kematian harus diajukan paling lambat {days} hari setelah meninggal ({deadline}); klaim ini diajukan {filed}.</source>
        <translation>The death benefit must be claimed within {days} days of the death ({deadline}); this claim was filed on {filed}.</translation>
    </message>
    <message>
        <source>Sudah ada klaim {kind} untuk {name} (NIK {nik}) yang berstatus {status}. Satu orang hanya dapat diklaim sekali untuk kejadian yang sama: buka klaim yang ada, atau batalkan dulu bila klaim itu keliru.</source>
        <translation>There is already a {kind} claim for {name} (NIK {nik}) with the status {status}. A person can be claimed for only once for the same event: open the existing claim, or cancel it first if it is wrong.</translation>
    </message>
    <message>
        <source>Hubungan ahli waris {name} &quot;{relationship}&quot; tidak dikenal. Pilih salah satu: {known}.</source>
        <translation>The relationship &quot;{relationship}&quot; of the heir {name} is not known. Choose one of: {known}.</translation>
    </message>
    <message>
        <source>Hanya satu ahli waris yang boleh menjadi penerima pembayaran; kini ada {count} ({names}). Pilih satu.</source>
        <translation>Only one heir may be the payee; there are now {count} ({names}). Choose one.</translation>
    </message>
    <message>
        <source>Penerima pembayaran {name} belum memiliki nomor rekening. Isi nama bank, nomor rekening dan nama pemilik rekening.</source>
        <translation>The payee {name} has no account number yet. Fill in the bank name, the account number and the account holder&apos;s name.</translation>
    </message>
    <message>
        <source>Sub-kategori &quot;{text}&quot; tidak dikenali. Untuk kategori {category} pakai salah satu: {choices}; atau kosongkan.</source>
        <translation>Sub-category &quot;{text}&quot; is not recognised. For the category {category} use one of: {choices}; or leave it empty.</translation>
    </message>
    <message>
        <source>Sub-kategori &quot;{text}&quot; tidak dikenali. Tulis seperti pada daftar Sigap, mis. Ketua RT, Kader Posyandu atau Guru Ngaji; atau kosongkan.</source>
        <translation>Sub-category &quot;{text}&quot; is not recognised. Write it as in Sigap&apos;s list, e.g. Ketua RT, Kader Posyandu or Guru Ngaji; or leave it empty.</translation>
    </message>
    <message>
        <source>Sub-kategori {subcategory} bukan bagian dari kategori {category}, melainkan {own}. Perbaiki kolom Kategori atau Sub-kategori.</source>
        <translation>Sub-category {subcategory} does not belong to the category {category} but to {own}. Correct the Category or Sub-category column.</translation>
    </message>
    <message>
        <source>Status &quot;{text}&quot; tidak dikenali. Tulis {choices}; atau kosongkan untuk peserta aktif.</source>
        <translation>Status &quot;{text}&quot; is not recognised. Write {choices}; or leave it empty for an active worker.</translation>
    </message>
    <message>
        <source>Sumber dana &quot;{text}&quot; tidak dikenali. Pakai salah satu: {choices}.</source>
        <translation>Funding source &quot;{text}&quot; is not recognised. Use one of: {choices}.</translation>
    </message>
    <message>
        <source>Program &quot;{text}&quot; tidak dikenali. Tulis JKK, JKM dan/atau JHT, dipisah koma.</source>
        <translation>Programme &quot;{text}&quot; is not recognised. Write JKK, JKM and/or JHT, separated by commas.</translation>
    </message>
    <message>
        <source>Penghasilan &quot;{text}&quot; bukan jumlah rupiah yang dikenali. Tulis angka bulat, mis. 1.500.000.</source>
        <translation>Income &quot;{text}&quot; is not a recognised rupiah amount. Write a whole number, e.g. 1500000.</translation>
    </message>
    <message>
        <source>Status Nonaktif tanpa alasan. Isi kolom Alasan status, atau lengkapi nanti lewat Ubah status pada data peserta.</source>
        <translation>Status Inactive without a reason. Fill in the Status reason column, or complete it later with Change status in the worker record.</translation>
    </message>
    <message>
        <source>Status Meninggal Dunia tanpa tanggal meninggal. Isi kolom Tanggal meninggal, atau lengkapi nanti lewat Ubah status pada data peserta.</source>
        <translation>Status Deceased without a date of death. Fill in the Date of death column, or complete it later with Change status in the worker record.</translation>
    </message>
    <message>
        <source>Tanggal meninggal &quot;{text}&quot; tidak diimpor karena Status bukan Meninggal Dunia. Isi Status Meninggal Dunia bila peserta sudah meninggal.</source>
        <translation>Date of death &quot;{text}&quot; was not imported because the Status is not Deceased. Set the Status to Deceased if the worker has died.</translation>
    </message>
    <message>
        <source>Tanggal meninggal {date} harus di antara tanggal lahir dan hari ini. Periksa tanggalnya.</source>
        <translation>The date of death {date} must be between the date of birth and today. Check the date.</translation>
    </message>
    <message>
        <source>Tanggal dokumen diterima {date} terlalu lama (paling awal {earliest}). Periksa tahunnya.</source>
        <translation>The document received date {date} is too far back (at the earliest {earliest}). Check the year.</translation>
    </message>
    <message>
        <source>Dokumen {item} bukan bagian dari berkas klaim {kind}. Dokumen yang diperlukan: {items}.</source>
        <translation>Document {item} is not part of a {kind} claim&apos;s file. Documents required: {items}.</translation>
    </message>
    <message>
        <source>Ahli waris tidak ditemukan; mungkin sudah dihapus. Muat ulang klaim.</source>
        <translation>Heir not found; it may have been removed. Reload the claim.</translation>
    </message>
    <message>
        <source>Nama ahli waris wajib diisi.</source>
        <translation>The heir&apos;s name is required.</translation>
    </message>
    <message>
        <source>Jenjang sekolah {level} tidak dikenal. Pilih salah satu: {levels}.</source>
        <translation>Unknown school level {level}. Choose one of: {levels}.</translation>
    </message>
    <message>
        <source>Jenjang sekolah hanya diisi untuk ahli waris anak (beasiswa anak JKM). Kosongkan jenjang sekolah, atau ubah hubungannya menjadi Anak.</source>
        <translation>A school level is only filled in for a child heir (JKM children&apos;s scholarship). Leave the school level empty, or change the relationship to Child.</translation>
    </message>
    <message>
        <source>Klaim tidak ditemukan; mungkin sudah dihapus. Muat ulang daftar klaim.</source>
        <translation>Claim not found; it may have been removed. Reload the claim list.</translation>
    </message>
    <message>
        <source>Peserta klaim tidak ditemukan; mungkin sudah dihapus atau digabung.</source>
        <translation>The claim&apos;s worker was not found; the record may have been removed or merged.</translation>
    </message>
    <message>
        <source>Pilih peserta yang diklaim, atau untuk santunan kematian isi NIK, nama dan desa almarhum.</source>
        <translation>Choose the worker the claim is for, or for a death benefit (santunan kematian) fill in the deceased&apos;s NIK, name and village.</translation>
    </message>
    <message>
        <source>Nama almarhum wajib diisi.</source>
        <translation>The deceased&apos;s name is required.</translation>
    </message>
    <message>
        <source>Desa almarhum belum dipilih atau kodenya tidak sah ({code}). Pilih desa tempat tinggalnya.</source>
        <translation>The deceased&apos;s village is not chosen or its code is not valid ({code}). Choose the village where they lived.</translation>
    </message>
    <message>
        <source>Desa {code} tidak ada di daftar wilayah kabupaten ini. Pilih desa tempat tinggal almarhum dari daftar.</source>
        <translation>Village {code} is not in this regency&apos;s region list. Choose the village where the deceased lived from the list.</translation>
    </message>
    <message>
        <source>Desa {village} ada di luar kecamatan kantor ini ({region}). Laptop kecamatan hanya membuka klaim warga kecamatannya sendiri; minta kecamatan itu atau kantor kabupaten membukanya.</source>
        <translation>Village {village} is outside this office&apos;s kecamatan ({region}). A kecamatan laptop opens claims only for residents of its own kecamatan; ask that kecamatan or the regency office to open it.</translation>
    </message>
    <message>
        <source>Kecelakaan lalu lintas hanya dicatat pada klaim JKK; klaim ini {kind}.</source>
        <translation>A traffic accident is only recorded on a JKK claim; this is a {kind} claim.</translation>
    </message>
    <message>
        <source>Jumlah hari tidak mampu bekerja hanya dicatat pada klaim {stmb}; klaim ini {kind}.</source>
        <translation>The number of days unable to work is only recorded on a {stmb} claim; this is a {kind} claim.</translation>
    </message>
    <message>
        <source>Jumlah hari tidak mampu bekerja {days} tidak sah: tulis angka 0 sampai {max}.</source>
        <translation>The number of days unable to work, {days}, is not valid: write a number from 0 to {max}.</translation>
    </message>
    <message>
        <source>Tanggal langkah {date} lebih awal dari langkah sebelumnya ({status}, {previous}). Tulis tanggal {previous} atau sesudahnya.</source>
        <translation>The step&apos;s date {date} is before the previous step ({status}, {previous}). Enter {previous} or a later date.</translation>
    </message>
    <message>
        <source>Klaim {name} tidak punya tanda {code} yang masih terbuka. Muat ulang klaim untuk melihat tanda yang ada.</source>
        <translation>The claim of {name} has no open flag {code}. Reload the claim to see its flags.</translation>
    </message>
    <message>
        <source>Jumlah {amount} terlalu besar untuk satu klaim (paling banyak {max}). Periksa lagi angkanya.</source>
        <translation>The amount {amount} is too large for one claim (at most {max}). Check the figure again.</translation>
    </message>
    <message>
        <source>Klaim berstatus {status}: jumlahnya sudah diputuskan dan tidak dapat diubah lagi. Ubah jumlah sebelum klaim disetujui.</source>
        <translation>The claim is {status}: its amount has been decided and can no longer be changed. Change the amount before the claim is approved.</translation>
    </message>
    <message>
        <source>Jenis klaim {kind} tidak dikenal. Pilih salah satu: {known}.</source>
        <translation>Unknown claim kind {kind}. Choose one of: {known}.</translation>
    </message>
    <message>
        <source>Status klaim {status} tidak dikenal. Pilih salah satu: {known}.</source>
        <translation>Unknown claim status {status}. Choose one of: {known}.</translation>
    </message>
    <message>
        <source>{what} {date} belum terjadi (hari ini {today}). Periksa tanggalnya.</source>
        <translation>{what} {date} has not happened yet (today is {today}). Check the date.</translation>
    </message>
    <message>
        <source>Nomor rekening hanya boleh berisi angka (spasi, titik dan tanda hubung boleh sebagai pemisah). Periksa nomor rekening ahli waris.</source>
        <translation>An account number may hold digits only (spaces, dots and hyphens may separate them). Check the heir&apos;s account number.</translation>
    </message>
    <message>
        <source>Klaim berstatus {current}: berkasnya sudah di kantor kabupaten. Data klaim, dokumen dan ahli waris hanya dapat diubah kecamatan selama klaim berstatus {states}; minta admin kabupaten mengubahnya atau mengembalikan klaim.</source>
        <translation>The claim is {current}: its file is already at the regency office. A kecamatan may change the claim details, documents and heirs only while the claim is {states}; ask the regency admin to change them or to return the claim.</translation>
    </message>
    <message>
        <source>Klaim berstatus {current}: berkasnya sudah di kantor kabupaten. Dokumen dan ahli waris hanya dapat diubah kecamatan selama klaim berstatus {states}; minta admin kabupaten mengubahnya atau mengembalikan klaim.</source>
        <translation type="vanished">The claim is {current}: its file is already at the regency office. A kecamatan may change documents and heirs only while the claim is {states}; ask the regency admin to change them or to return the claim.</translation>
    </message>
    <message>
        <source>Daftar hari libur ditetapkan oleh admin kantor kabupaten dan dikirim ke setiap laptop lewat sinkronisasi. Minta admin kabupaten mengubahnya.</source>
        <translation>The holiday list is set by the regency office admin and sent to every laptop by sync. Ask the regency admin to change it.</translation>
    </message>
    <message>
        <source>Tanggal hari libur “{text}” tidak terbaca. Tulis sebagai hh-bb-tttt, misalnya 17-08-2026.</source>
        <translation>The holiday date “{text}” cannot be read. Write it as dd-mm-yyyy, for example 17-08-2026.</translation>
    </message>
    <message>
        <source>Nama hari libur {date} wajib diisi, misalnya “Hari Kemerdekaan” atau “Cuti bersama Idulfitri”.</source>
        <translation>The name of the holiday on {date} is required, for example “Independence Day” or “Idul Fitri collective leave”.</translation>
    </message>
    <message>
        <source>Nama hari libur terlalu panjang ({length} huruf, paling banyak {max}).</source>
        <translation>The holiday name is too long ({length} characters, at most {max}).</translation>
    </message>
    <message>
        <source>Tanggal {date} sudah ada di daftar hari libur ({name}). Satu tanggal satu hari libur: hapus yang lama dulu bila namanya perlu diganti.</source>
        <translation>The date {date} is already in the holiday list ({name}). One date, one holiday: remove the old one first if its name needs changing.</translation>
    </message>
    <message>
        <source>Tanggal {date} tidak ada di daftar hari libur; mungkin sudah dihapus. Muat ulang daftarnya.</source>
        <translation>The date {date} is not in the holiday list; it may have been removed already. Reload the list.</translation>
    </message>
</context>
<context>
    <name>FormParts</name>
    <message>
        <source>hh-bb-tttt</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <source>Ketik tanggal sebagai hh-bb-tttt (mis. 17081990 untuk 17-08-1990), atau tekan Alt+↓ untuk memilih dari kalender.</source>
        <translation>Type the date as dd-mm-yyyy (e.g. 17081990 for 17-08-1990), or press Alt+↓ to pick it from a calendar.</translation>
    </message>
    <message>
        <source>Pilih dari kalender (Alt+↓)</source>
        <translation>Pick from a calendar (Alt+↓)</translation>
    </message>
    <message>
        <source>{field} belum lengkap: ketik hari, bulan dan tahun (hh-bb-tttt).</source>
        <translation>{field} is incomplete: type the day, month and year (dd-mm-yyyy).</translation>
    </message>
    <message>
        <source>{field} {text} bukan tanggal yang ada: periksa hari dan bulannya.</source>
        <translation>{field} {text} is not a real date: check the day and the month.</translation>
    </message>
    <message>
        <source>{field} tidak boleh setelah hari ini.</source>
        <translation>{field} cannot be after today.</translation>
    </message>
    <message>
        <source>{field} tidak boleh sebelum {date}.</source>
        <translation>{field} cannot be before {date}.</translation>
    </message>
    <message>
        <source>{first} dan {last}</source>
        <translation>{first} and {last}</translation>
    </message>
    <message>
        <source>{items}, dan {last}</source>
        <translation>{items} and {last}</translation>
    </message>
    <message>
        <source>Untuk menyimpan, isi {missing}, lalu perbaiki {wrong}.</source>
        <translation>To save, fill in {missing}, then correct {wrong}.</translation>
    </message>
    <message>
        <source>Untuk menyimpan, isi {missing}.</source>
        <translation>To save, fill in {missing}.</translation>
    </message>
    <message>
        <source>Untuk menyimpan, perbaiki {wrong}.</source>
        <translation>To save, correct {wrong}.</translation>
    </message>
</context>
<context>
    <name>FormRows</name>
    <message>
        <source>{mark} wajib diisi</source>
        <translation>{mark} required</translation>
    </message>
    <message>
        <source>(wajib diisi)</source>
        <translation>(required)</translation>
    </message>
</context>
<context>
    <name>FundingSource</name>
    <message>
        <source>APBD Kabupaten</source>
        <translation>Regency budget (APBD)</translation>
    </message>
    <message>
        <source>APBDes</source>
        <translation>Village budget (APBDes)</translation>
    </message>
    <message>
        <source>Mandiri</source>
        <translation>Self-funded</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>HealthReportDialog</name>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Jumlah baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Pemeriksaan basis data</source>
        <translation>Database check</translation>
    </message>
    <message>
        <source>Basis data {file} sehat.</source>
        <translation>The database {file} is sound.</translation>
    </message>
    <message>
        <source>Basis data {file}: ditemukan {count} masalah.</source>
        <translation>Database {file}: {count} problem(s) found.</translation>
    </message>
    <message>
        <source>Basis data {file} sehat, tetapi ada {count} hal yang perlu diperiksa.</source>
        <translation>The database {file} is sound, but {count} item(s) need checking.</translation>
    </message>
    <message>
        <source>Masalah basis data</source>
        <translation>Database problems</translation>
    </message>
    <message>
        <source>Simpan salinan berkas ini dan laporkan masalahnya ke petugas teknis sebelum bekerja lebih lanjut.</source>
        <translation>Keep a copy of this file and report the problems to technical support before working any further.</translation>
    </message>
    <message>
        <source>Perlu diperiksa</source>
        <translation>Needs checking</translation>
    </message>
    <message>
        <source>Ini bukan kerusakan basis data. Selesaikan di tempat yang disebut; pekerjaan lain dapat berjalan terus.</source>
        <translation>This is not damage to the database. Settle it where the message says; other work can go on.</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>{revision} (terbaru)</source>
        <translation>{revision} (latest)</translation>
    </message>
    <message>
        <source>{revision} (terbaru: {head})</source>
        <translation>{revision} (latest: {head})</translation>
    </message>
    <message>
        <source>Versi skema:</source>
        <translation>Schema version:</translation>
    </message>
    <message>
        <source>Versi SQLite:</source>
        <translation>SQLite version:</translation>
    </message>
    <message>
        <source>Mode jurnal:</source>
        <translation>Journal mode:</translation>
    </message>
    <message>
        <source>Ukuran berkas:</source>
        <translation>File size:</translation>
    </message>
    <message>
        <source>&amp;Perbaiki…</source>
        <translation>&amp;Repair…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HeirDialog</name>
    <message>
        <source>Tambah ahli waris</source>
        <translation>Add heir</translation>
    </message>
    <message>
        <source>Ubah ahli waris</source>
        <translation>Edit heir</translation>
    </message>
    <message>
        <source>16 angka</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <source>Pilih hubungan</source>
        <translation>Choose the relationship</translation>
    </message>
    <message>
        <source>Tidak bersekolah / tidak dihitung</source>
        <translation>Not at school / not counted</translation>
    </message>
    <message>
        <source>Beasiswa anak JKM dihitung untuk dua anak pertama yang bersekolah, bila masa iuran almarhum sudah 3 tahun.</source>
        <translation>The JKM children&apos;s scholarship is counted for the first two children at school, once the deceased has paid contributions for 3 years.</translation>
    </message>
    <message>
        <source>&amp;Penerima pembayaran</source>
        <translation>&amp;Payee</translation>
    </message>
    <message>
        <source>mis. Bank Sumsel Babel</source>
        <translation>e.g. Bank Sumsel Babel</translation>
    </message>
    <message>
        <source>&amp;Nama:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>N&amp;IK:</source>
        <translation>N&amp;IK:</translation>
    </message>
    <message>
        <source>&amp;Hubungan:</source>
        <translation>&amp;Relationship:</translation>
    </message>
    <message>
        <source>&amp;Jenjang sekolah:</source>
        <translation>School &amp;level:</translation>
    </message>
    <message>
        <source>Nama ban&amp;k:</source>
        <translation>&amp;Bank name:</translation>
    </message>
    <message>
        <source>Nomor &amp;rekening:</source>
        <translation>Acc&amp;ount number:</translation>
    </message>
    <message>
        <source>Pe&amp;milik rekening:</source>
        <translation>Account &amp;holder:</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>{account} (isi untuk mengganti)</source>
        <translation>{account} (type to replace)</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Boleh dikosongkan bila belum diketahui.</source>
        <translation>May be left empty if not known yet.</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Nomor rekening hanya boleh berisi angka (spasi, titik dan - boleh).</source>
        <translation>An account number may only contain digits (spaces, dots and - are allowed).</translation>
    </message>
    <message>
        <source>Nomor rekening</source>
        <translation>Account number</translation>
    </message>
    <message>
        <source>Nama bank</source>
        <translation>Bank name</translation>
    </message>
    <message>
        <source>Pemilik rekening</source>
        <translation>Account holder</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>Hari libur</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hari</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>mis. Hari Raya Idulfitri, Cuti bersama</source>
        <translation>e.g. Idul Fitri, Collective leave</translation>
    </message>
    <message>
        <source>&amp;Tambah</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>&amp;Hapus…</source>
        <translation>&amp;Remove…</translation>
    </message>
    <message>
        <source>Tan&amp;ggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Nama</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>T&amp;utup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Hari libur nasional dan cuti bersama tidak dihitung dalam batas waktu klaim bila batas waktu dihitung dalam hari kerja (Senin–Jumat).</source>
        <translation>National holidays and collective leave days are not counted in claim deadlines when deadlines are counted in working days (Monday–Friday).</translation>
    </message>
    <message>
        <source>Kantor ini menghitung batas waktu dalam hari kerja.</source>
        <translation>This office counts deadlines in working days.</translation>
    </message>
    <message>
        <source>Kantor ini menghitung batas waktu dalam hari kalender, jadi daftar ini belum dipakai.</source>
        <translation>This office counts deadlines in calendar days, so this list is not used yet.</translation>
    </message>
    <message>
        <source>{count} hari libur</source>
        <translation>Holidays: {count}</translation>
    </message>
    <message>
        <source>Belum ada hari libur di daftar. Tambahkan tanggal dan namanya di bawah.</source>
        <translation>No holidays in the list yet. Add a date and its name below.</translation>
    </message>
    <message>
        <source>Belum ada hari libur di daftar.</source>
        <translation>No holidays in the list yet.</translation>
    </message>
    <message>
        <source>Pilih dulu hari libur yang akan dihapus.</source>
        <translation>First choose the holiday to remove.</translation>
    </message>
    <message>
        <source>Untuk menambah, isi {fields}.</source>
        <translation>To add, fill in {fields}.</translation>
    </message>
    <message>
        <source>Untuk menambah, perbaiki {fields}.</source>
        <translation>To add, correct {fields}.</translation>
    </message>
    <message>
        <source>{date} ditambahkan ke daftar hari libur.</source>
        <translation>{date} was added to the holiday list.</translation>
    </message>
    <message>
        <source>Hapus hari libur</source>
        <translation>Remove holiday</translation>
    </message>
    <message>
        <source>Hapus {date} ({name}) dari daftar hari libur? Batas waktu klaim yang sedang berjalan dihitung ulang.</source>
        <translation>Remove {date} ({name}) from the holiday list? The deadlines of claims in progress are worked out again.</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>{date} dihapus dari daftar hari libur.</source>
        <translation>{date} was removed from the holiday list.</translation>
    </message>
    <message>
        <source>Batas waktu klaim dihitung ulang</source>
        <translation>Recomputing claim deadlines</translation>
    </message>
</context>
<context>
    <name>ImportPages</name>
    <message>
        <source>{rows} baris: {accepted} akan diimpor ({warning} perlu diperiksa) · {error} ditolak</source>
        <translation>{rows} rows: {accepted} to be imported ({warning} to check) · {error} rejected</translation>
    </message>
    <message>
        <source>{rows} baris: {accepted} akan diimpor · {error} ditolak</source>
        <translation>{rows} rows: {accepted} to be imported · {error} rejected</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>akan diimpor</source>
        <translation>to be imported</translation>
    </message>
    <message>
        <source>akan diimpor, periksa</source>
        <translation>to be imported, check</translation>
    </message>
    <message>
        <source>ditolak</source>
        <translation>rejected</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Baris asal</source>
        <translation>Original row</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Baris ditolak</source>
        <translation>Rejected rows</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Impor peserta dari berkas</source>
        <translation>Import workers from a file</translation>
    </message>
    <message>
        <source>&lt; &amp;Kembali</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Lanjut &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Langkah 1 dari 3: pilih berkas</source>
        <translation>Step 1 of 3: choose the file</translation>
    </message>
    <message>
        <source>Langkah 2 dari 3: periksa kolom</source>
        <translation>Step 2 of 3: check the columns</translation>
    </message>
    <message>
        <source>Langkah 3 dari 3: periksa setiap baris</source>
        <translation>Step 3 of 3: check every row</translation>
    </message>
    <message>
        <source>Impor selesai</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>&amp;Impor {count} baris</source>
        <translation>&amp;Import rows: {count}</translation>
    </message>
    <message>
        <source>&amp;Selesai</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Pilih berkas peserta</source>
        <translation>Choose the roster file</translation>
    </message>
    <message>
        <source>Lembar kerja ({patterns});;Semua berkas (*)</source>
        <translation>Spreadsheets ({patterns});;All files (*)</translation>
    </message>
    <message>
        <source>Membaca berkas…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>Impor peserta</source>
        <translation>Import workers</translation>
    </message>
    <message>
        <source>Membaca berkas</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <source>{name}-ditolak.xlsx</source>
        <translation>{name}-rejected.xlsx</translation>
    </message>
    <message>
        <source>Simpan laporan baris ditolak</source>
        <translation>Save report of rejected rows</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Laporan baris ditolak</source>
        <translation>Report of rejected rows</translation>
    </message>
    <message>
        <source>Laporan tidak dapat disimpan ke {file}: {error}</source>
        <translation>The report could not be saved to {file}: {error}</translation>
    </message>
    <message>
        <source>{count} baris ditolak disimpan ke {file}.</source>
        <translation>{count} rejected rows saved to {file}.</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sedang bekerja…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>{stage}: {done} dari {total}</source>
        <translation>{stage}: {done} of {total}</translation>
    </message>
    <message>
        <source>Membatalkan… Tunggu sebentar.</source>
        <translation>Cancelling… Please wait.</translation>
    </message>
    <message>
        <source>Terjadi kesalahan yang tidak terduga, dan pekerjaan ini dihentikan. Rinciannya sudah dicatat di log untuk petugas teknis.</source>
        <translation>An unexpected error occurred and this work was stopped. The details have been written to the log for technical support.</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>Terjadi kesalahan yang tidak terduga. Rinciannya sudah dicatat di log untuk petugas teknis.</source>
        <translation>An unexpected error occurred. The details have been written to the log for technical support.</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Kode tidak memakai {chars}: kode hanya berisi huruf A–Z tanpa I dan O, dan angka 2–9. Periksa lagi.</source>
        <translation>Codes never contain {chars}: a code has only the letters A–Z without I and O, and the digits 2–9. Check it again.</translation>
    </message>
    <message>
        <source>Kode terlalu panjang: {count} huruf/angka, seharusnya {length}.</source>
        <translation>The code is too long: {count} letters/digits instead of {length}.</translation>
    </message>
    <message>
        <source>{count} dari {length} huruf/angka.</source>
        <translation>{count} of {length} letters/digits.</translation>
    </message>
    <message>
        <source>Kode lengkap.</source>
        <translation>Code complete.</translation>
    </message>
    <message>
        <source>Bergabung dengan kantor kabupaten</source>
        <translation>Join the regency office</translation>
    </message>
    <message>
        <source>pendaftaran-….sigap dari kantor kabupaten</source>
        <translation>pendaftaran-….sigap from the regency office</translation>
    </message>
    <message>
        <source>Pi&amp;lih…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>Berkas &amp;pendaftaran:</source>
        <translation>Registration &amp;file:</translation>
    </message>
    <message>
        <source>&amp;Kode sekali pakai:</source>
        <translation>One-time &amp;code:</translation>
    </message>
    <message>
        <source>&amp;Bergabung</source>
        <translation>&amp;Join</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Untuk laptop kecamatan yang baru. Kantor kabupaten memberi berkas pendaftaran (di flashdisk) dan kode sekali pakai 12 huruf/angka (lewat telepon atau kertas). Setelah bergabung, basis data ini menjadi milik kantor kecamatan itu dan berisi data kecamatannya.</source>
        <translation>For a new district laptop. The regency office provides a registration file (on a USB stick) and a one-time code of 12 letters/digits (by phone or on paper). After joining, this database belongs to that district office and holds its district&apos;s data.</translation>
    </message>
    <message>
        <source>&amp;Selesai</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Pilih berkas pendaftaran</source>
        <translation>Choose the registration file</translation>
    </message>
    <message>
        <source>Berkas pendaftaran Sigap (*.sigap);;Semua berkas (*)</source>
        <translation>Sigap registration files (*.sigap);;All files (*)</translation>
    </message>
    <message>
        <source>Tanda hubung dan spasi boleh ditulis atau tidak.</source>
        <translation>Hyphens and spaces are optional.</translation>
    </message>
    <message>
        <source>Laptop ini sekarang {office}</source>
        <translation>This laptop is now {office}</translation>
    </message>
    <message>
        <source>Kode wilayah {code}. {count} data diterima dari {hub}.

Sidik kunci kantor kabupaten: {fingerprint}
Cocokkan dengan sidik kunci yang disebutkan kantor kabupaten. Bila berbeda, hubungi kantor kabupaten sebelum mengirim paket.

Kirim paket pertama ke kantor kabupaten lewat Sinkronisasi → Kirim &amp; Terima.</source>
        <translation>Region code {code}. Records received from {hub}: {count}.

Key fingerprint of the regency office: {fingerprint}
Compare it with the key fingerprint the regency office gave you. If they differ, contact the regency office before sending any bundle.

Send the first bundle to the regency office with Sync → Send &amp; Receive.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Buka basis data…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <source>&amp;Siapkan kantor…</source>
        <translation>&amp;Set up office…</translation>
    </message>
    <message>
        <source>&amp;Impor data wilayah…</source>
        <translation>&amp;Import region data…</translation>
    </message>
    <message>
        <source>&amp;Periksa basis data</source>
        <translation>&amp;Check database</translation>
    </message>
    <message>
        <source>&amp;Sinkronisasi…</source>
        <translation>&amp;Sync…</translation>
    </message>
    <message>
        <source>Ber&amp;gabung dengan kantor kabupaten…</source>
        <translation>&amp;Join the regency office…</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Tentang Sigap</source>
        <translation>&amp;About Sigap</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Si&amp;nkronisasi</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <source>Basis data ba&amp;ru…</source>
        <translation>&amp;New database…</translation>
    </message>
    <message>
        <source>Buka data &amp;contoh…</source>
        <translation>Open &amp;demo data…</translation>
    </message>
    <message>
        <source>&amp;Hari libur…</source>
        <translation>&amp;Holidays…</translation>
    </message>
    <message>
        <source>Pen&amp;gaturan</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <source>&amp;Bahasa</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>B&amp;antuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>HANYA-BACA</source>
        <translation>READ-ONLY</translation>
    </message>
    <message>
        <source>&amp;Peserta</source>
        <translation>&amp;Workers</translation>
    </message>
    <message>
        <source>&amp;Klaim</source>
        <translation>&amp;Claims</translation>
    </message>
    <message>
        <source>&amp;Laporan</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>Basis data: {file}</source>
        <translation>Database: {file}</translation>
    </message>
    <message>
        <source>kantor belum disiapkan</source>
        <translation>office not set up</translation>
    </message>
    <message>
        <source>Kantor belum disiapkan</source>
        <translation>Office not set up</translation>
    </message>
    <message>
        <source>Perangkat: –</source>
        <translation>Device: –</translation>
    </message>
    <message>
        <source>{name} · {kind}</source>
        <translation>{name} · {kind}</translation>
    </message>
    <message>
        <source>{name}
{kind}, kode wilayah {code}</source>
        <translation>{name}
{kind}, region code {code}</translation>
    </message>
    <message>
        <source>Perangkat: {id}</source>
        <translation>Device: {id}</translation>
    </message>
    <message>
        <source>ID perangkat: {id}</source>
        <translation>Device ID: {id}</translation>
    </message>
    <message>
        <source>Sigap — {office}</source>
        <translation>Sigap — {office}</translation>
    </message>
    <message>
        <source>{overdue} klaim lewat batas · {due} jatuh tempo</source>
        <translation>Claims overdue: {overdue} · due soon: {due}</translation>
    </message>
    <message>
        <source>Klaim yang batas waktu keputusannya (7 hari setelah berkas lengkap dan diverifikasi) sudah lewat, dan yang segera jatuh tempo. Lihat di tab Klaim dengan filter Lewat batas waktu atau Jatuh tempo dalam.</source>
        <translation type="vanished">Claims whose decision deadline (7 days after the file is complete and verified) has passed, and claims due soon. See them on the Claims tab with the Overdue or Due within filter.</translation>
    </message>
    <message>
        <source>Klaim yang batas waktu keputusannya (sesudah berkas lengkap dan diverifikasi) sudah lewat, dan yang segera jatuh tempo. Klik untuk melihatnya di tab Klaim.</source>
        <translation>Claims whose decision deadline (after the file is complete and verified) has passed, and claims due soon. Click to see them on the Claims tab.</translation>
    </message>
    <message>
        <source>Sigap</source>
        <translation>Sigap</translation>
    </message>
    <message>
        <source>Tunggu sampai pekerjaan yang sedang berjalan selesai.</source>
        <translation>Wait until the work in progress has finished.</translation>
    </message>
    <message>
        <source>Buka basis data</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>Basis data Sigap (*.db);;Semua berkas (*)</source>
        <translation>Sigap databases (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Basis data baru</source>
        <translation>New database</translation>
    </message>
    <message>
        <source>Basis data Sigap (*.db)</source>
        <translation>Sigap databases (*.db)</translation>
    </message>
    <message>
        <source>Basis data {file} dibuka.</source>
        <translation>Database {file} opened.</translation>
    </message>
    <message>
        <source>Kantor {name} sudah disiapkan.</source>
        <translation>Office {name} has been set up.</translation>
    </message>
    <message>
        <source>Siapkan kantor</source>
        <translation>Set up office</translation>
    </message>
    <message>
        <source>Basis data ini sudah disiapkan untuk {name}. Untuk kantor lain, buat basis data baru lewat Berkas → Basis data baru…</source>
        <translation>This database has already been set up for {name}. For another office, create a new database with File → New database…</translation>
    </message>
    <message>
        <source>Impor data wilayah</source>
        <translation>Import region data</translation>
    </message>
    <message>
        <source>Impor wilayah selesai: {added} ditambahkan, {rejected} ditolak.</source>
        <translation>Region import finished: {added} added, {rejected} rejected.</translation>
    </message>
    <message>
        <source>Periksa basis data</source>
        <translation>Check database</translation>
    </message>
    <message>
        <source>Perbaiki basis data</source>
        <translation>Repair the database</translation>
    </message>
    <message>
        <source>Peserta yang dibuat di laptop ini dengan desa di kecamatan lain akan dihapus dari laptop ini, agar pekerjaan lain dapat dikirim ke kantor kabupaten. Catat namanya untuk didaftarkan lagi di kecamatan yang benar. Lanjutkan?</source>
        <translation>Workers created on this laptop with a village in another kecamatan will be removed from this laptop, so that the other work can be sent to the regency office. Note their names to register them again in the right kecamatan. Go on?</translation>
    </message>
    <message>
        <source>Hapus dan perbaiki</source>
        <translation>Remove and repair</translation>
    </message>
    <message>
        <source>Dihapus dari laptop ini; daftarkan lagi di kecamatan yang benar:

{names}</source>
        <translation>Removed from this laptop; register them again in the right kecamatan:

{names}</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Bergabung dengan kantor kabupaten</source>
        <translation>Join the regency office</translation>
    </message>
    <message>
        <source>Basis data ini sudah menjadi milik {name}. Untuk bergabung, buat dulu basis data baru lewat Berkas → Basis data baru…</source>
        <translation>This database already belongs to {name}. To join, first create a new database with File → New database…</translation>
    </message>
    <message>
        <source>Bergabung sebagai {name}.</source>
        <translation>Joined as {name}.</translation>
    </message>
    <message>
        <source>Bahasa {language} disimpan, tetapi variabel lingkungan {variable} di komputer ini memilih bahasa lain. Hapus variabel itu agar pilihan ini berlaku.</source>
        <translation>{language} has been saved, but the environment variable {variable} on this computer chooses another language. Remove that variable for this choice to take effect.</translation>
    </message>
    <message>
        <source>Sigap sudah memakai {language}.</source>
        <translation>Sigap is already using {language}.</translation>
    </message>
    <message>
        <source>Sigap akan memakai {language} setelah ditutup dan dibuka lagi.</source>
        <translation>Sigap will use {language} once it is closed and opened again.</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Tentang Sigap</source>
        <translation>About Sigap</translation>
    </message>
    <message>
        <source>Sigap {version}</source>
        <translation>Sigap {version}</translation>
    </message>
    <message>
        <source>Perlindungan BPJS Ketenagakerjaan bagi pekerja desa dan pekerja rentan, klaim dan santunan kematian kabupaten — bekerja tanpa internet.</source>
        <translation>BPJS Ketenagakerjaan protection for village and vulnerable workers, claims and the regency death benefit — works without the internet.</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Sebuah pekerjaan masih berjalan. Batalkan pekerjaan itu lalu tutup Sigap? Data yang sedang diproses tidak akan disimpan.</source>
        <translation>Some work is still running. Cancel it and close Sigap? The data being processed will not be saved.</translation>
    </message>
    <message>
        <source>Batalkan dan tutup</source>
        <translation>Cancel and close</translation>
    </message>
    <message>
        <source>Lanjutkan bekerja</source>
        <translation>Keep working</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Judul di berkas</source>
        <translation>Heading in the file</translation>
    </message>
    <message>
        <source>Contoh isi</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>Isi</source>
        <translation>Holds</translation>
    </message>
    <message>
        <source>(abaikan)</source>
        <translation>(ignore)</translation>
    </message>
    <message>
        <source>Kolom NIK tidak dikenali dari judulnya (baris {row}). Pilih NIK pada kolom yang berisi NIK, lalu periksa kolom lainnya.</source>
        <translation>No column heading names the NIK (header row {row}). Choose NIK for the column that holds the NIK numbers, then check the other columns.</translation>
    </message>
    <message>
        <source>Baris judul kolom ditemukan di baris {row}. Periksa isi tiap kolom dan perbaiki bila tebakannya salah; pilih (abaikan) untuk kolom yang tidak diimpor.</source>
        <translation>The column headings were found in row {row}. Check what each column holds and correct any wrong guess; choose (ignore) for columns not to import.</translation>
    </message>
    <message>
        <source>Pilihan kolom yang Anda simpan untuk judul yang sama sudah dipakai.</source>
        <translation>The columns you confirmed for the same headings have been applied.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ada perubahan yang belum disimpan. Simpan dulu?</source>
        <translation>There are changes that have not been saved. Save them first?</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Buang perubahan</source>
        <translation>Discard changes</translation>
    </message>
</context>
<context>
    <name>NewClaimDialog</name>
    <message>
        <source>Buka klaim</source>
        <translation>Open claim</translation>
    </message>
    <message>
        <source>(pilih jenis klaim)</source>
        <translation>(choose a claim kind)</translation>
    </message>
    <message>
        <source>&amp;Jenis klaim</source>
        <translation>Cl&amp;aim kind</translation>
    </message>
    <message>
        <source>Kejadian</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>NIK atau nama peserta</source>
        <translation>Worker&apos;s NIK or name</translation>
    </message>
    <message>
        <source>Ca&amp;ri peserta:</source>
        <translation>&amp;Find worker:</translation>
    </message>
    <message>
        <source>Ketik sedikitnya 3 huruf nama atau angka NIK, lalu pilih pesertanya.</source>
        <translation>Type at least 3 letters of the name or digits of the NIK, then choose the worker.</translation>
    </message>
    <message>
        <source>&amp;Ganti peserta…</source>
        <translation>Change &amp;worker…</translation>
    </message>
    <message>
        <source>Isi data &amp;warga bukan peserta</source>
        <translation>Enter a non-worker &amp;resident</translation>
    </message>
    <message>
        <source>16 angka</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <source>&amp;Pakai data peserta</source>
        <translation>&amp;Use a worker from the roster</translation>
    </message>
    <message>
        <source>(pilih kecamatan)</source>
        <translation>(choose a district)</translation>
    </message>
    <message>
        <source>(pilih desa)</source>
        <translation>(choose a village)</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>boleh kosong</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;NIK</source>
        <translation>&amp;NIK</translation>
    </message>
    <message>
        <source>Na&amp;ma</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>Ke&amp;camatan</source>
        <translation>D&amp;istrict</translation>
    </message>
    <message>
        <source>&amp;Desa</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <source>No. &amp;KK</source>
        <translation>&amp;KK no.</translation>
    </message>
    <message>
        <source>Tanggal &amp;lahir</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <source>Tanggal meninggal</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <source>Tanggal lapor</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>boleh diisi kemudian</source>
        <translation>may be filled in later</translation>
    </message>
    <message>
        <source>(belum diketahui)</source>
        <translation>(not known yet)</translation>
    </message>
    <message>
        <source>Kecelakaan lal&amp;u lintas</source>
        <translation>&amp;Traffic accident</translation>
    </message>
    <message>
        <source>&amp;Tanggal meninggal</source>
        <translation>&amp;Date of death</translation>
    </message>
    <message>
        <source>Tanggal lap&amp;or</source>
        <translation>Re&amp;port date</translation>
    </message>
    <message>
        <source>No. &amp;akta kematian</source>
        <translation>D&amp;eath certificate no.</translation>
    </message>
    <message>
        <source>Desil DTS&amp;EN</source>
        <translation>DTSEN deci&amp;le</translation>
    </message>
    <message>
        <source>Almarhum/almarhumah</source>
        <translation>The deceased</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>JKM dan JKK untuk peserta yang ada di data peserta; Santunan Kematian untuk warga keluarga miskin yang meninggal, peserta atau bukan.</source>
        <translation>JKM and JKK for workers on the roster; Regency death benefit for a deceased resident of a poor family, whether a worker or not.</translation>
    </message>
    <message>
        <source>Santunan kematian kabupaten untuk warga keluarga miskin (DTSEN), terdaftar sebagai peserta atau tidak.</source>
        <translation>The regency&apos;s death benefit for residents of poor families (DTSEN), whether registered as workers or not.</translation>
    </message>
    <message>
        <source>Klaim BPJS Ketenagakerjaan untuk peserta yang ada di data peserta.</source>
        <translation>A BPJS Ketenagakerjaan claim for a worker on the roster.</translation>
    </message>
    <message>
        <source>&amp;Tanggal kecelakaan</source>
        <translation>&amp;Date of accident</translation>
    </message>
    <message>
        <source>Tidak ada peserta yang cocok dengan “{text}”.</source>
        <translation>No worker matches “{text}”.</translation>
    </message>
    <message>
        <source>{shown} dari {total} peserta yang cocok; ketik lebih lengkap.</source>
        <translation>{shown} of {total} matching workers shown; type more of it.</translation>
    </message>
    <message>
        <source>Klik peserta yang diklaim.</source>
        <translation>Click the worker the claim is for.</translation>
    </message>
    <message>
        <source>NIK ini milik peserta {name} (desa {village}) di data peserta.</source>
        <translation>This NIK belongs to the worker {name} (village {village}) on the roster.</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>KK no.</translation>
    </message>
    <message>
        <source>Desil DTSEN</source>
        <translation>DTSEN decile</translation>
    </message>
    <message>
        <source>Jenis klaim</source>
        <translation>Claim kind</translation>
    </message>
    <message>
        <source>Tanpa desil DTSEN, klaim ditandai “perlu diperiksa” sampai desilnya dicatat.</source>
        <translation>Without a DTSEN decile, the claim is flagged “needs checking” until the decile is recorded.</translation>
    </message>
    <message>
        <source>Kantor belum disiapkan: pilih Berkas → Siapkan kantor… dulu.</source>
        <translation>The office is not set up: choose File → Set up office… first.</translation>
    </message>
    <message>
        <source>Peran pengguna ini tidak boleh membuka klaim.</source>
        <translation>This user&apos;s role may not open claims.</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Klaim belum dapat dibuka. Periksa {fields}:</source>
        <translation>The claim cannot be opened yet. Check {fields}:</translation>
    </message>
    <message>
        <source>Klaim belum dapat dibuka:</source>
        <translation>The claim cannot be opened yet:</translation>
    </message>
    <message>
        <source>Status {name} di data peserta kini Meninggal.</source>
        <translation>The status of {name} in the roster is now Deceased.</translation>
    </message>
    <message>
        <source>Klaim dibuka</source>
        <translation>Claim opened</translation>
    </message>
    <message>
        <source>Klaim {kind} untuk {name} sudah dibuka, dan ditandai “perlu diperiksa”: admin kabupaten memeriksa tanda ini sebelum klaim diputuskan.</source>
        <translation>The {kind} claim for {name} has been opened and flagged “needs checking”: the regency admin checks this flag before the claim is decided.</translation>
    </message>
    <message>
        <source>{name} — NIK {nik}
Desa {village}, Kec. {district} — {status}</source>
        <translation>{name} — NIK {nik}
Village {village}, Kecamatan {district} — {status}</translation>
    </message>
    <message>
        <source>{status} {date}</source>
        <translation>{status} {date}</translation>
    </message>
    <message>
        <source>belum diisi</source>
        <translation>not filled in</translation>
    </message>
    <message>
        <source>{start} s.d. {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>NIK {nik} · Desa {village}, Kec. {district}</source>
        <translation>NIK {nik} · Village {village}, Kecamatan {district}</translation>
    </message>
    <message>
        <source>Status {status} · Kepesertaan {coverage} · Program {programmes}</source>
        <translation>Status {status} · Coverage {coverage} · Programmes {programmes}</translation>
    </message>
</context>
<context>
    <name>OfficeKind</name>
    <message>
        <source>Kantor kabupaten (pusat)</source>
        <translation>Regency office (hub)</translation>
    </message>
    <message>
        <source>Kantor kecamatan</source>
        <translation>District office</translation>
    </message>
</context>
<context>
    <name>OfficeSetupDialog</name>
    <message>
        <source>Siapkan kantor</source>
        <translation>Set up office</translation>
    </message>
    <message>
        <source>Basis data ini akan menjadi milik satu kantor. Kantor kabupaten (pusat) memakai kode kabupaten, kantor kecamatan memakai kode kecamatan.</source>
        <translation>This database will belong to one office. A regency office (hub) uses a regency code, a district office uses a district code.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OfficeSetupForm</name>
    <message>
        <source>&amp;Jenis kantor:</source>
        <translation>&amp;Kind of office:</translation>
    </message>
    <message>
        <source>&amp;Kode wilayah:</source>
        <translation>&amp;Region code:</translation>
    </message>
    <message>
        <source>&amp;Nama kantor:</source>
        <translation>Office &amp;name:</translation>
    </message>
    <message>
        <source>Isi Kode wilayah dan Nama kantor (bertanda *) untuk melanjutkan.</source>
        <translation>Fill in Region code and Office name (marked *) to continue.</translation>
    </message>
    <message>
        <source>Isi Kode wilayah (bertanda *) untuk melanjutkan.</source>
        <translation>Fill in Region code (marked *) to continue.</translation>
    </message>
    <message>
        <source>Isi Nama kantor (bertanda *) untuk melanjutkan.</source>
        <translation>Fill in Office name (marked *) to continue.</translation>
    </message>
    <message>
        <source>contoh: {code}</source>
        <translation>for example: {code}</translation>
    </message>
    <message>
        <source>contoh: {name}</source>
        <translation>for example: {name}</translation>
    </message>
    <message>
        <source>{code} adalah kode {level}. {kind} memerlukan kode {expected}, contoh: {example}.</source>
        <translation>{code} is a {level} code. A {kind} needs a {expected} code, for example: {example}.</translation>
    </message>
    <message>
        <source>Kode wilayah wajib diisi.</source>
        <translation>The region code is required.</translation>
    </message>
</context>
<context>
    <name>ParticularsDialog</name>
    <message>
        <source>Data klaim</source>
        <translation>Claim details</translation>
    </message>
    <message>
        <source>Isi yang baru diketahui setelah klaim dibuka. Setelah disimpan, tanda “perlu diperiksa”, dokumen wajib dan jumlah klaim dihitung ulang.</source>
        <translation>What has become known since the claim was opened. Once saved, the “needs checking” flags, the required documents and the claim amount are worked out again.</translation>
    </message>
    <message>
        <source>mis. 1602-KM-0001; kosongkan bila belum ada</source>
        <translation>e.g. 1602-KM-0001; leave empty if there is none yet</translation>
    </message>
    <message>
        <source>Belum diketahui</source>
        <translation>Not known yet</translation>
    </message>
    <message>
        <source>Tanpa desil, klaim tetap ditandai “perlu diperiksa”. Desil di atas batas yang ditetapkan kabupaten juga ditandai “perlu diperiksa”.</source>
        <translation>Without a decile, the claim stays flagged “needs checking”. A decile above the limit set by the regency is flagged “needs checking” too.</translation>
    </message>
    <message>
        <source>Kecelakaan &amp;lalu lintas</source>
        <translation>&amp;Traffic accident</translation>
    </message>
    <message>
        <source>Bila dicentang, laporan polisi menjadi dokumen wajib klaim ini.</source>
        <translation>When ticked, a police report becomes a required document of this claim.</translation>
    </message>
    <message>
        <source>belum dicatat</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>hari</source>
        <translation>days</translation>
    </message>
    <message>
        <source>Santunan STMB dihitung dari jumlah hari ini. Kosongkan bila belum diketahui.</source>
        <translation>The STMB benefit is worked out from this number of days. Leave it empty if not known yet.</translation>
    </message>
    <message>
        <source>Nomor &amp;akta kematian:</source>
        <translation>Death ce&amp;rtificate no.:</translation>
    </message>
    <message>
        <source>&amp;Desil DTSEN:</source>
        <translation>DTSEN &amp;decile:</translation>
    </message>
    <message>
        <source>&amp;Hari tidak mampu bekerja:</source>
        <translation>Days &amp;unable to work:</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>{name} — {kind}, status {status}</source>
        <translation>{name} — {kind}, status {status}</translation>
    </message>
    <message>
        <source>Tulis angka saja, 0 sampai {max}, atau kosongkan bila belum diketahui.</source>
        <translation>Write digits only, 0 to {max}, or leave it empty if not known yet.</translation>
    </message>
    <message>
        <source>Hari tidak mampu bekerja</source>
        <translation>Days unable to work</translation>
    </message>
    <message>
        <source>Paling banyak {max} hari; periksa lagi jumlahnya.</source>
        <translation>At most {max} days; check the number again.</translation>
    </message>
</context>
<context>
    <name>Permission</name>
    <message>
        <source>mengatur kantor</source>
        <translation>manage the office</translation>
    </message>
    <message>
        <source>mengubah data wilayah</source>
        <translation>change region data</translation>
    </message>
    <message>
        <source>mengatur pengguna</source>
        <translation>manage users</translation>
    </message>
    <message>
        <source>mengubah data peserta</source>
        <translation>change worker data</translation>
    </message>
    <message>
        <source>melihat nomor KPJ dan rekening lengkap</source>
        <translation>see full KPJ and bank account numbers</translation>
    </message>
    <message>
        <source>mengusulkan klaim</source>
        <translation>propose claims</translation>
    </message>
    <message>
        <source>merekomendasikan klaim</source>
        <translation>recommend claims</translation>
    </message>
    <message>
        <source>memutuskan klaim</source>
        <translation>decide claims</translation>
    </message>
    <message>
        <source>menerbitkan surat</source>
        <translation>issue letters</translation>
    </message>
    <message>
        <source>menyinkronkan data</source>
        <translation>synchronise data</translation>
    </message>
    <message>
        <source>memuat data contoh</source>
        <translation>load demo data</translation>
    </message>
    <message>
        <source>melihat data</source>
        <translation>view data</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>&amp;Perbarui datanya dengan isi berkas</source>
        <translation>&amp;Update them with the file&apos;s data</translation>
    </message>
    <message>
        <source>Le&amp;wati, biarkan data yang ada</source>
        <translation>S&amp;kip, keep the existing data</translation>
    </message>
    <message>
        <source>NIK yang sudah terdaftar:</source>
        <translation>NIKs already registered:</translation>
    </message>
    <message>
        <source>Baris yang ditolak tidak diimpor. Setelah impor, simpan laporan baris ditolak, perbaiki isinya, lalu impor laporan itu lagi.</source>
        <translation>Rejected rows are not imported. After the import, save the report of rejected rows, fix them, then import that report again.</translation>
    </message>
</context>
<context>
    <name>Programme</name>
    <message>
        <source>Jaminan Kecelakaan Kerja (JKK)</source>
        <translation>Work accident protection (JKK)</translation>
    </message>
    <message>
        <source>Jaminan Kematian (JKM)</source>
        <translation>Death protection (JKM)</translation>
    </message>
    <message>
        <source>Jaminan Hari Tua (JHT)</source>
        <translation>Old-age savings (JHT)</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Membuat data peserta</source>
        <translation>Making workers</translation>
    </message>
    <message>
        <source>Membuat target cakupan dan klaim</source>
        <translation>Making coverage targets and claims</translation>
    </message>
    <message>
        <source>Membaca berkas</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <source>Menyimpan wilayah</source>
        <translation>Saving regions</translation>
    </message>
    <message>
        <source>Mengekspor peserta</source>
        <translation>Exporting workers</translation>
    </message>
    <message>
        <source>Mencocokkan NIK</source>
        <translation>Matching NIKs</translation>
    </message>
    <message>
        <source>Memperbarui peserta</source>
        <translation>Updating workers</translation>
    </message>
    <message>
        <source>Menyimpan peserta baru</source>
        <translation>Saving new workers</translation>
    </message>
    <message>
        <source>Menulis paket</source>
        <translation>Writing the bundle</translation>
    </message>
    <message>
        <source>Menggabungkan data</source>
        <translation>Merging data</translation>
    </message>
    <message>
        <source>Memeriksa paket</source>
        <translation>Checking the bundle</translation>
    </message>
    <message>
        <source>Menulis berkas pendaftaran</source>
        <translation>Writing the registration file</translation>
    </message>
    <message>
        <source>Memeriksa berkas pendaftaran</source>
        <translation>Checking the registration file</translation>
    </message>
    <message>
        <source>Membuat cadangan basis data</source>
        <translation>Backing up the database</translation>
    </message>
    <message>
        <source>Memperbarui susunan basis data</source>
        <translation>Upgrading the database structure</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Boleh dikosongkan</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>&amp;Alasan:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>&amp;Catatan:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RegionImportSummary</name>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Alasan ditolak</source>
        <translation>Reason for rejection</translation>
    </message>
    <message>
        <source>Data wilayah ({patterns});;Semua berkas (*)</source>
        <translation>Region data ({patterns});;All files (*)</translation>
    </message>
</context>
<context>
    <name>RegionImportSummaryDialog</name>
    <message>
        <source>Hasil impor data wilayah</source>
        <translation>Region import result</translation>
    </message>
    <message>
        <source>Impor data wilayah selesai</source>
        <translation>Region import finished</translation>
    </message>
    <message>
        <source>Berkas: {file}</source>
        <translation>File: {file}</translation>
    </message>
    <message>
        <source>Ditambahkan:</source>
        <translation>Added:</translation>
    </message>
    <message>
        <source>Diperbarui (nama berubah):</source>
        <translation>Updated (name changed):</translation>
    </message>
    <message>
        <source>Tidak berubah:</source>
        <translation>Unchanged:</translation>
    </message>
    <message>
        <source>Ditolak:</source>
        <translation>Rejected:</translation>
    </message>
    <message>
        <source>Baris yang ditolak tidak disimpan. Perbaiki lalu impor lagi:</source>
        <translation>Rejected rows were not saved. Correct them and import again:</translation>
    </message>
    <message>
        <source>… dan {count} baris lain yang ditolak.</source>
        <translation>… and {count} more rejected rows.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RegionLevel</name>
    <message>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Kabupaten/Kota</source>
        <translation>Regency/City</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
</context>
<context>
    <name>RegionTree</name>
    <message>
        <source>{name}
Kode wilayah {code}</source>
        <translation>{name}
Region code {code}</translation>
    </message>
</context>
<context>
    <name>Relationship</name>
    <message>
        <source>Suami</source>
        <translation>Husband</translation>
    </message>
    <message>
        <source>Istri</source>
        <translation>Wife</translation>
    </message>
    <message>
        <source>Anak</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>Orang tua</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Kakek/nenek</source>
        <translation>Grandparent</translation>
    </message>
    <message>
        <source>Cucu</source>
        <translation>Grandchild</translation>
    </message>
    <message>
        <source>Saudara kandung</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <source>Mertua</source>
        <translation>Parent-in-law</translation>
    </message>
    <message>
        <source>Pihak yang ditunjuk dalam wasiat</source>
        <translation>Person named in a will</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Jumlah baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Laporan cakupan per kecamatan dan kategori terhadap target akan tersedia di tab ini. Sementara ini tab ini menunjukkan isi basis data.</source>
        <translation>Coverage reports by district and category against the targets will be available in this tab. For now it shows what the database holds.</translation>
    </message>
    <message>
        <source>Isi basis data</source>
        <translation>Database contents</translation>
    </message>
    <message>
        <source>Baris tabel peserta, termasuk data yang sudah digabung ke data lain atau dihapus. Tab Peserta hanya menghitung peserta yang masih tercatat.</source>
        <translation>Rows of the workers table, including records merged into another or deleted. The Workers tab counts only the workers still on the roster.</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Admin kabupaten</source>
        <translation>Regency admin</translation>
    </message>
    <message>
        <source>Operator kecamatan</source>
        <translation>District operator</translation>
    </message>
    <message>
        <source>Petugas surat</source>
        <translation>Letter clerk</translation>
    </message>
    <message>
        <source>Pemantau</source>
        <translation>Viewer</translation>
    </message>
</context>
<context>
    <name>RosterField</name>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Tempat/tanggal lahir</source>
        <translation>Place/date of birth</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>No. KPJ</source>
        <translation>KPJ no.</translation>
    </message>
    <message>
        <source>Kode desa/kelurahan</source>
        <translation>Village code</translation>
    </message>
    <message>
        <source>Kode kecamatan</source>
        <translation>District code</translation>
    </message>
    <message>
        <source>Sub-kategori</source>
        <translation>Sub-category</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Penghasilan</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>Sumber dana</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Alasan status</source>
        <translation>Status reason</translation>
    </message>
    <message>
        <source>Tanggal meninggal</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <source>Mulai kepesertaan</source>
        <translation>Coverage start</translation>
    </message>
    <message>
        <source>Akhir kepesertaan</source>
        <translation>Coverage end</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>KK no.</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Mobile no.</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>JK</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Lahir (umur)</source>
        <translation>Born (age)</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Akhir</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Nomor Induk Kependudukan (16 angka, dari KTP)</source>
        <translation>Population identity number (NIK: 16 digits, from the identity card)</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Tanggal lahir dan umur hari ini</source>
        <translation>Date of birth and age today</translation>
    </message>
    <message>
        <source>Desa atau kelurahan</source>
        <translation>Village (desa or kelurahan)</translation>
    </message>
    <message>
        <source>Kategori peserta (subkategori di tooltip baris)</source>
        <translation>Worker category (the sub-category is in the row&apos;s tooltip)</translation>
    </message>
    <message>
        <source>Jabatan atau pekerjaan</source>
        <translation>Position or occupation</translation>
    </message>
    <message>
        <source>Status kepesertaan</source>
        <translation>Membership status</translation>
    </message>
    <message>
        <source>Akhir kepesertaan: perlindungan berlaku sampai tanggal ini</source>
        <translation>Coverage end: protection lasts until this date</translation>
    </message>
    <message>
        <source>Nomor Kartu Peserta Jamsostek (KPJ); tampil lengkap dengan Tampilkan nomor lengkap</source>
        <translation>Jamsostek membership card number (KPJ); shown in full with Show full numbers</translation>
    </message>
    <message>
        <source>L</source>
        <translation>M</translation>
    </message>
    <message>
        <source>P</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Non-ASN/GTK</source>
        <translation>Non-ASN/GTK</translation>
    </message>
    <message>
        <source>Perangkat Desa</source>
        <translation>Village officials</translation>
    </message>
    <message>
        <source>BPD</source>
        <translation>Village council</translation>
    </message>
    <message>
        <source>Ketua RT/RW</source>
        <translation>RT/RW heads</translation>
    </message>
    <message>
        <source>Lembaga Desa</source>
        <translation>Village bodies</translation>
    </message>
    <message>
        <source>Pekerja Rentan</source>
        <translation>Vulnerable workers</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Meninggal</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>KPJ</source>
        <translation>KPJ</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>peserta terdaftar</source>
        <translation>workers enrolled</translation>
    </message>
    <message>
        <source>wilayah tercatat</source>
        <translation>regions recorded</translation>
    </message>
    <message>
        <source>Belum ada data wilayah. Impor daftar wilayah Kemendagri (berkas CSV atau XLSX dengan kolom kode dan nama) agar desa dan kecamatan peserta dikenali.</source>
        <translation>No region data yet. Import the Kemendagri region list (a CSV or XLSX file with kode and nama columns) so that the workers&apos; villages and districts are known.</translation>
    </message>
    <message>
        <source>Data wilayah</source>
        <translation>Region data</translation>
    </message>
    <message>
        <source>Cari NIK atau nama…</source>
        <translation>Search NIK or name…</translation>
    </message>
    <message>
        <source>Semua kategori</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Berakhir dalam</source>
        <translation>Ending within</translation>
    </message>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Tampilkan nomor lengkap</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>&amp;Tambah peserta…</source>
        <translation>&amp;Add worker…</translation>
    </message>
    <message>
        <source>I&amp;mpor dari berkas…</source>
        <translation>I&amp;mport from file…</translation>
    </message>
    <message>
        <source>&amp;Ekspor…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>&amp;Hapus filter</source>
        <translation>Cl&amp;ear filters</translation>
    </message>
    <message>
        <source>Semua kecamatan</source>
        <translation>All districts</translation>
    </message>
    <message>
        <source>Semua desa</source>
        <translation>All villages</translation>
    </message>
    <message>
        <source>dari {total} terdaftar</source>
        <translation>of {total} registered</translation>
    </message>
    <message>
        <source>Belum ada peserta. Untuk mencoba Sigap dengan data rekaan, pilih Berkas → Buka data contoh…</source>
        <translation>No workers yet. To try Sigap with invented data, choose File → Open demo data…</translation>
    </message>
    <message>
        <source>Belum ada peserta. Siapkan kantor dulu (Berkas → Siapkan kantor…), atau pilih Berkas → Buka data contoh… untuk mencoba Sigap.</source>
        <translation>No workers yet. Set up the office first (File → Set up office…), or choose File → Open demo data… to try Sigap.</translation>
    </message>
    <message>
        <source>Belum ada peserta di basis data ini.</source>
        <translation>No workers in this database yet.</translation>
    </message>
    <message>
        <source>Belum ada peserta di basis data ini. Tambahkan dengan Tambah peserta…, atau impor daftarnya dengan Impor dari berkas…</source>
        <translation>No workers in this database yet. Add them with Add worker…, or import their list with Import from file…</translation>
    </message>
    <message>
        <source>Tidak ada peserta yang cocok dengan pencarian “{text}” dan filter yang dipilih.</source>
        <translation>No worker matches the search “{text}” and the chosen filters.</translation>
    </message>
    <message>
        <source>Tidak ada peserta yang cocok dengan pencarian “{text}”.</source>
        <translation>No worker matches the search “{text}”.</translation>
    </message>
    <message>
        <source>Tidak ada peserta yang cocok dengan filter yang dipilih.</source>
        <translation>No worker matches the chosen filters.</translation>
    </message>
    <message>
        <source>Daftar peserta tidak dapat dibaca: {error}</source>
        <translation>The roster could not be read: {error}</translation>
    </message>
    <message>
        <source>{count} peserta</source>
        <translation>Workers: {count}</translation>
    </message>
    <message>
        <source>Data peserta</source>
        <translation>Worker record</translation>
    </message>
    <message>
        <source>Buka &amp;data peserta</source>
        <translation>Open worker &amp;record</translation>
    </message>
    <message>
        <source>Buka &amp;klaim…</source>
        <translation>Open &amp;claim…</translation>
    </message>
    <message>
        <source>Klik dua kali sebuah baris (atau tekan Enter) untuk membuka datanya.</source>
        <translation>Double-click a row (or press Enter) to open the record.</translation>
    </message>
    <message>
        <source>&amp;Impor data wilayah…</source>
        <translation>&amp;Import region data…</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Workers</translation>
    </message>
</context>
<context>
    <name>RowsView</name>
    <message>
        <source>&amp;Tampilkan:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <source>Semua baris ({count})</source>
        <translation>All rows ({count})</translation>
    </message>
    <message>
        <source>Hanya yang ditolak ({count})</source>
        <translation>Rejected only ({count})</translation>
    </message>
    <message>
        <source>Hanya yang perlu diperiksa ({count})</source>
        <translation>To check only ({count})</translation>
    </message>
    <message>
        <source>Pilih satu baris untuk membaca alasannya selengkapnya.</source>
        <translation>Select a row to read its reasons in full.</translation>
    </message>
    <message>
        <source>(tanpa nama)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Baris {row} · {name} · NIK {nik}</source>
        <translation>Row {row} · {name} · NIK {nik}</translation>
    </message>
</context>
<context>
    <name>SchoolLevel</name>
    <message>
        <source>TK/SD</source>
        <translation>Kindergarten/primary school</translation>
    </message>
    <message>
        <source>SMP</source>
        <translation>Junior high school</translation>
    </message>
    <message>
        <source>SMA/SMK</source>
        <translation>Senior high/vocational school</translation>
    </message>
    <message>
        <source>Perguruan Tinggi</source>
        <translation>University</translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <source>Jumlah cadangan terakhir yang disimpan</source>
        <translation>Number of latest backups kept</translation>
    </message>
    <message>
        <source>Masa berlaku pendaftaran kecamatan (hari)</source>
        <translation>Validity of a kecamatan enrolment (days)</translation>
    </message>
    <message>
        <source>Tenggat klaim JKM/JKK setelah berkas lengkap (hari)</source>
        <translation>JKM/JKK claim deadline once the file is complete (days)</translation>
    </message>
    <message>
        <source>Hitung tenggat klaim dalam hari kerja (1 = hari kerja, 0 = hari kalender)</source>
        <translation>Count claim deadlines in working days (1 = working days, 0 = calendar days)</translation>
    </message>
    <message>
        <source>Tandai klaim yang tenggatnya tinggal (hari)</source>
        <translation>Flag claims due within this many days</translation>
    </message>
    <message>
        <source>Periksa kematian yang terjadi sekian hari sejak kepesertaan mulai</source>
        <translation>Check deaths within this many days of the coverage start</translation>
    </message>
</context>
<context>
    <name>Sex</name>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Ubah status peserta</source>
        <translation>Change worker status</translation>
    </message>
    <message>
        <source>Tanggal meninggal</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>&amp;Alasan</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Tanggal &amp;meninggal</source>
        <translation>Date of &amp;death</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>SubCategory</name>
    <message>
        <source>Pegawai Pemerintah Non-ASN</source>
        <translation>Non-civil-servant government staff</translation>
    </message>
    <message>
        <source>Guru dan Tenaga Kependidikan</source>
        <translation>Teachers and education staff</translation>
    </message>
    <message>
        <source>Kepala Desa</source>
        <translation>Village head</translation>
    </message>
    <message>
        <source>Sekretaris Desa</source>
        <translation>Village secretary</translation>
    </message>
    <message>
        <source>Kepala Urusan</source>
        <translation>Head of affairs (Kaur)</translation>
    </message>
    <message>
        <source>Kepala Seksi</source>
        <translation>Section head (Kasi)</translation>
    </message>
    <message>
        <source>Kepala Dusun</source>
        <translation>Hamlet head</translation>
    </message>
    <message>
        <source>Ketua BPD</source>
        <translation>Village council chair</translation>
    </message>
    <message>
        <source>Anggota BPD</source>
        <translation>Village council member</translation>
    </message>
    <message>
        <source>Ketua RT</source>
        <translation>RT head</translation>
    </message>
    <message>
        <source>Ketua RW</source>
        <translation>RW head</translation>
    </message>
    <message>
        <source>Lembaga Pemberdayaan Masyarakat (LPM)</source>
        <translation>Community empowerment body (LPM)</translation>
    </message>
    <message>
        <source>Lembaga Adat</source>
        <translation>Customary council</translation>
    </message>
    <message>
        <source>Linmas/Hansip</source>
        <translation>Civil defence (Linmas/Hansip)</translation>
    </message>
    <message>
        <source>PKK</source>
        <translation>Family welfare movement (PKK)</translation>
    </message>
    <message>
        <source>Karang Taruna</source>
        <translation>Youth organisation (Karang Taruna)</translation>
    </message>
    <message>
        <source>Kader Posyandu</source>
        <translation>Health post volunteer (Posyandu)</translation>
    </message>
    <message>
        <source>Guru Ngaji</source>
        <translation>Qur&apos;an teacher (guru ngaji)</translation>
    </message>
    <message>
        <source>Marbot Masjid</source>
        <translation>Mosque caretaker (marbot)</translation>
    </message>
    <message>
        <source>Relawan Pemadam Kebakaran</source>
        <translation>Volunteer firefighter</translation>
    </message>
    <message>
        <source>Petani Sawit</source>
        <translation>Oil-palm farmer</translation>
    </message>
    <message>
        <source>Pekerja Rentan Lainnya</source>
        <translation>Other vulnerable worker</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Kirim &amp;&amp; Terima</source>
        <translation>Send &amp;&amp; Receive</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Data ganda</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>Perangkat</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Kantor:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <source>Sidik kunci perangkat ini:</source>
        <translation>This device&apos;s key fingerprint:</translation>
    </message>
    <message>
        <source>Paket terakhir dikirim:</source>
        <translation>Last bundle sent:</translation>
    </message>
    <message>
        <source>Paket terakhir diterima:</source>
        <translation>Last bundle received:</translation>
    </message>
    <message>
        <source>Kantor kabupaten:</source>
        <translation>Regency office:</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>{kind}, kode {code}</source>
        <translation>{kind}, code {code}</translation>
    </message>
    <message>
        <source>{name} · sidik kunci {fingerprint}</source>
        <translation>{name} · key fingerprint {fingerprint}</translation>
    </message>
    <message>
        <source>Tunggu sampai paket selesai ditulis atau dibaca.</source>
        <translation>Wait until the bundle has been written or read.</translation>
    </message>
</context>
<context>
    <name>SyncField</name>
    <message>
        <source>Dihapus</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Alasan status</source>
        <translation>Status reason</translation>
    </message>
    <message>
        <source>Tanggal meninggal</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Sub-kategori</source>
        <translation>Sub-category</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Penghasilan</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>Sumber dana</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <source>Digabung ke</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>No. akta kematian</source>
        <translation>Death certificate no.</translation>
    </message>
    <message>
        <source>Desil DTSEN</source>
        <translation>DTSEN decile</translation>
    </message>
    <message>
        <source>Nama almarhum/peserta</source>
        <translation>Name of the deceased/worker</translation>
    </message>
    <message>
        <source>Nama almarhum/peserta (pencarian)</source>
        <translation>Name of the deceased/worker (for searching)</translation>
    </message>
    <message>
        <source>NIK almarhum/peserta</source>
        <translation>NIK of the deceased/worker</translation>
    </message>
    <message>
        <source>Tanggal lahir almarhum/peserta</source>
        <translation>Date of birth of the deceased/worker</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>KK no.</translation>
    </message>
    <message>
        <source>Tanggal kejadian</source>
        <translation>Date of the event</translation>
    </message>
    <message>
        <source>Tanggal dilaporkan</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>Kecelakaan lalu lintas</source>
        <translation>Traffic accident</translation>
    </message>
    <message>
        <source>Hari tidak mampu bekerja</source>
        <translation>Days unable to work</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Nama ahli waris</source>
        <translation>Heir&apos;s name</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Penerima pembayaran</source>
        <translation>Payee</translation>
    </message>
    <message>
        <source>Nama bank</source>
        <translation>Bank name</translation>
    </message>
    <message>
        <source>No. rekening</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>Nama pemilik rekening</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <source>Jenjang sekolah</source>
        <translation>School level</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Tanggal diterima</source>
        <translation>Date received</translation>
    </message>
</context>
<context>
    <name>SyncText</name>
    <message>
        <source>perangkat dicabut</source>
        <translation>device revoked</translation>
    </message>
    <message>
        <source>tanda tangan tidak sah</source>
        <translation>invalid signature</translation>
    </message>
    <message>
        <source>tidak dapat dibuka</source>
        <translation>cannot be opened</translation>
    </message>
    <message>
        <source>pendaftaran tidak berlaku</source>
        <translation>enrolment no longer valid</translation>
    </message>
    <message>
        <source>pendaftaran kedaluwarsa</source>
        <translation>enrolment expired</translation>
    </message>
    <message>
        <source>data di luar kecamatannya</source>
        <translation>data outside its kecamatan</translation>
    </message>
    <message>
        <source>peserta sudah pindah kecamatan</source>
        <translation>worker moved to another kecamatan</translation>
    </message>
    <message>
        <source>perubahan di luar wewenangnya</source>
        <translation>change beyond its authority</translation>
    </message>
    <message>
        <source>perubahan atas nama perangkat lain</source>
        <translation>changes in another device&apos;s name</translation>
    </message>
    <message>
        <source>jam laptop salah</source>
        <translation>laptop clock wrong</translation>
    </message>
    <message>
        <source>versi Sigap berbeda</source>
        <translation>different Sigap version</translation>
    </message>
    <message>
        <source>bukan untuk kantor ini</source>
        <translation>not for this office</translation>
    </message>
    <message>
        <source>nomor paket dipakai ulang</source>
        <translation>bundle number reused</translation>
    </message>
    <message>
        <source>nomor perubahan dipakai ulang</source>
        <translation>change number reused</translation>
    </message>
    <message>
        <source>nilai yang tidak sah</source>
        <translation>invalid value</translation>
    </message>
    <message>
        <source>data bentrok dengan data di sini</source>
        <translation>data clashes with data here</translation>
    </message>
    <message>
        <source>paket rusak atau tidak sah</source>
        <translation>bundle damaged or invalid</translation>
    </message>
    <message>
        <source>{time} · {reason}</source>
        <translation>{time} · {reason}</translation>
    </message>
    <message>
        <source>{file}: {message}</source>
        <translation>{file}: {message}</translation>
    </message>
    <message>
        <source>dihapus</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>ada (tidak dihapus)</source>
        <translation>present (not deleted)</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>Table</name>
    <message>
        <source>Wilayah</source>
        <translation>Regions</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Target cakupan</source>
        <translation>Coverage targets</translation>
    </message>
    <message>
        <source>Klaim</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>Langkah klaim</source>
        <translation>Claim steps</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Heirs</translation>
    </message>
    <message>
        <source>Dokumen klaim</source>
        <translation>Claim documents</translation>
    </message>
    <message>
        <source>Tanda klaim yang dihapus</source>
        <translation>Removed claim flags</translation>
    </message>
    <message>
        <source>Surat</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Hari libur</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>Catatan audit</source>
        <translation>Audit entries</translation>
    </message>
    <message>
        <source>Log perubahan</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>Konflik sinkronisasi</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>Perangkat</source>
        <translation>Devices</translation>
    </message>
</context>
<context>
    <name>ValueCard</name>
    <message>
        <source>Kantor:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <source>Pengguna:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Waktu:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <source>Pakai nilai ini</source>
        <translation>Use this value</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Selamat datang di Sigap</source>
        <translation>Welcome to Sigap</translation>
    </message>
    <message>
        <source>Basis data {file} belum disiapkan untuk sebuah kantor. Pilih cara memulai:</source>
        <translation>The database {file} has not been set up for an office yet. Choose how to start:</translation>
    </message>
    <message>
        <source>Siapkan kantor</source>
        <translation>Set up office</translation>
    </message>
    <message>
        <source>Isi jenis kantor, kode wilayah dan nama kantor. Pilih ini untuk bekerja dengan data sungguhan.</source>
        <translation>Fill in the kind of office, its region code and its name. Choose this to work with real data.</translation>
    </message>
    <message>
        <source>Bergabung dengan kantor kabupaten</source>
        <translation>Join the regency office</translation>
    </message>
    <message>
        <source>Untuk laptop kecamatan: pakai berkas pendaftaran dan kode sekali pakai dari kantor kabupaten. Data kecamatan ikut dimuat.</source>
        <translation>For a district laptop: use the registration file and one-time code from the regency office. The district&apos;s data is loaded with it.</translation>
    </message>
    <message>
        <source>Buka data contoh</source>
        <translation>Open demo data</translation>
    </message>
    <message>
        <source>Buka basis data terpisah ({file}) berisi kantor kabupaten contoh dengan {workers} peserta dan klaim rekaan, untuk latihan. Basis data ini tetap kosong.</source>
        <translation>Open a separate database ({file}) with a demo regency office of {workers} invented workers and claims, for practice. This database stays empty.</translation>
    </message>
    <message>
        <source>Buka basis data lain…</source>
        <translation>Open another database…</translation>
    </message>
    <message>
        <source>Pilih berkas basis data Sigap yang sudah ada.</source>
        <translation>Choose an existing Sigap database file.</translation>
    </message>
    <message>
        <source>Nanti saja</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>Kantor kabupaten (pusat) memakai kode kabupaten, misalnya 16.02. Kantor kecamatan memakai kode kecamatan, misalnya 16.02.05. Kode boleh ditulis tanpa titik.</source>
        <translation>A regency office (hub) uses a regency code, such as 16.02. A district office uses a district code, such as 16.02.05. Codes may be written without dots.</translation>
    </message>
    <message>
        <source>&amp;Kembali</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Siapkan kantor</source>
        <translation>&amp;Set up office</translation>
    </message>
</context>
<context>
    <name>WorkerDialog</name>
    <message>
        <source>Tambah peserta</source>
        <translation>Add worker</translation>
    </message>
    <message>
        <source>Data peserta</source>
        <translation>Worker record</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Sebelumnya</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>Menjadi</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>Riwayat perubahan</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Ubah status…</source>
        <translation>Change s&amp;tatus…</translation>
    </message>
    <message>
        <source>Buka klaim…</source>
        <translation>Open claim…</translation>
    </message>
    <message>
        <source>Buka klaim JKM, JKK atau santunan untuk peserta ini</source>
        <translation>Open a JKM, JKK or regency death benefit claim for this worker</translation>
    </message>
    <message>
        <source>(data dibuat)</source>
        <translation>(record created)</translation>
    </message>
    <message>
        <source>Periksa NIK</source>
        <translation>Check the NIK</translation>
    </message>
    <message>
        <source>NIK ini perlu diperiksa:

{warnings}

Tetap simpan?</source>
        <translation>Please check this NIK:

{warnings}

Save anyway?</translation>
    </message>
    <message>
        <source>Tetap simpan</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>Periksa tanggal</source>
        <translation>Check the dates</translation>
    </message>
    <message>
        <source>Tanggal ini perlu diperiksa:

{warnings}

Tetap simpan?</source>
        <translation>These dates need checking:

{warnings}

Save anyway?</translation>
    </message>
    <message>
        <source>NIK sudah dipakai</source>
        <translation>NIK already in use</translation>
    </message>
    <message>
        <source>Buka data yang ada</source>
        <translation>Open the existing record</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Simpan data peserta</source>
        <translation>Save worker record</translation>
    </message>
    <message>
        <source>{name}, NIK {nik}, lahir {born}, desa {village} ({status})</source>
        <translation>{name}, NIK {nik}, born {born}, village {village} ({status})</translation>
    </message>
    <message>
        <source>Mungkin data ganda</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <source>Peserta dengan NIK yang sama, atau nama dan tanggal lahir yang sama, sudah ada:</source>
        <translation>A worker with the same NIK, or the same name and birth date, already exists:</translation>
    </message>
    <message>
        <source>Buka data itu</source>
        <translation>Open that record</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Buka klaim JKM</source>
        <translation>Open JKM claim</translation>
    </message>
    <message>
        <source>{name} tercatat meninggal dunia. Buka klaim JKM (Jaminan Kematian) sekarang?</source>
        <translation>{name} is recorded as deceased. Open a JKM (death benefit) claim now?</translation>
    </message>
    <message>
        <source>Nanti saja</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>WorkerForm</name>
    <message>
        <source>16 angka</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>(pilih)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>(pilih kategori)</source>
        <translation>(choose a category)</translation>
    </message>
    <message>
        <source>Mulai kepesertaan</source>
        <translation>Coverage start</translation>
    </message>
    <message>
        <source>Akhir kepesertaan</source>
        <translation>Coverage end</translation>
    </message>
    <message>
        <source>(pilih kecamatan)</source>
        <translation>(choose a district)</translation>
    </message>
    <message>
        <source>(pilih desa)</source>
        <translation>(choose a village)</translation>
    </message>
    <message>
        <source>&amp;NIK</source>
        <translation>&amp;NIK</translation>
    </message>
    <message>
        <source>No. &amp;KK</source>
        <translation>&amp;KK no.</translation>
    </message>
    <message>
        <source>Na&amp;ma lengkap</source>
        <translation>Full na&amp;me</translation>
    </message>
    <message>
        <source>J&amp;enis kelamin</source>
        <translation>S&amp;ex</translation>
    </message>
    <message>
        <source>Tanggal &amp;lahir</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <source>Tempat la&amp;hir</source>
        <translation>Place of birt&amp;h</translation>
    </message>
    <message>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>Ke&amp;camatan</source>
        <translation>&amp;District</translation>
    </message>
    <message>
        <source>&amp;Desa</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <source>Telep&amp;on</source>
        <translation>Ph&amp;one</translation>
    </message>
    <message>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Kate&amp;gori</source>
        <translation>Cate&amp;gory</translation>
    </message>
    <message>
        <source>Sub-kategori</source>
        <translation>Sub-category</translation>
    </message>
    <message>
        <source>&amp;Jabatan</source>
        <translation>&amp;Position</translation>
    </message>
    <message>
        <source>No. K&amp;PJ</source>
        <translation>KP&amp;J no.</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Penghas&amp;ilan</source>
        <translation>&amp;Income</translation>
    </message>
    <message>
        <source>Masa kepese&amp;rtaan</source>
        <translation>Cove&amp;rage period</translation>
    </message>
    <message>
        <source>Sum&amp;ber dana</source>
        <translation>&amp;Funding source</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Data diri</source>
        <translation>Personal details</translation>
    </message>
    <message>
        <source>Kepesertaan</source>
        <translation>Membership</translation>
    </message>
    <message>
        <source>(tanpa sub-kategori)</source>
        <translation>(no sub-category)</translation>
    </message>
    <message>
        <source>{kpj} (isi untuk mengganti)</source>
        <translation>{kpj} (type to replace)</translation>
    </message>
    <message>
        <source>{status}, {date}</source>
        <translation>{status}, {date}</translation>
    </message>
    <message>
        <source>{status} — {reason}</source>
        <translation>{status} — {reason}</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>KK no.</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>No. KPJ</source>
        <translation>KPJ no.</translation>
    </message>
    <message>
        <source>Masa kepesertaan</source>
        <translation>Coverage period</translation>
    </message>
    <message>
        <source>Tanggal lahir dan jenis kelamin diisi menurut NIK.</source>
        <translation>Date of birth and sex filled in from the NIK.</translation>
    </message>
    <message>
        <source>Tanggal lahir diisi menurut NIK.</source>
        <translation>Date of birth filled in from the NIK.</translation>
    </message>
    <message>
        <source>Jenis kelamin diisi menurut NIK.</source>
        <translation>Sex filled in from the NIK.</translation>
    </message>
    <message>
        <source>lahir {date}, {sex}</source>
        <translation>born {date}, {sex}</translation>
    </message>
    <message>
        <source>lahir {date}</source>
        <translation>born {date}</translation>
    </message>
    <message>
        <source>Berbeda dengan NIK ({facts}). Periksa lagi KTP-nya; bila memang begitu, data tetap dapat disimpan.</source>
        <translation>Differs from the NIK ({facts}). Check the identity card (KTP) again; if it really is so, the record can still be saved.</translation>
    </message>
    <message>
        <source>Akhir kepesertaan tidak boleh sebelum mulai kepesertaan.</source>
        <translation>The coverage end cannot be before the coverage start.</translation>
    </message>
    <message>
        <source>Mulai {start} dan akhir {end}</source>
        <translation>Coverage start {start} and end {end}</translation>
    </message>
    <message>
        <source>Mulai kepesertaan {date}</source>
        <translation>Coverage start {date}</translation>
    </message>
    <message>
        <source>Akhir kepesertaan {date}</source>
        <translation>Coverage end {date}</translation>
    </message>
    <message>
        <source>{dates} lebih dari setahun lagi. Periksa tahunnya; bila memang benar, data tetap dapat disimpan.</source>
        <translation>{dates}: more than a year from now. Check the year; if it is right, the record can still be saved.</translation>
    </message>
</context>
<context>
    <name>WorkerStatus</name>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Meninggal Dunia</source>
        <translation>Deceased</translation>
    </message>
</context>
</TS>
