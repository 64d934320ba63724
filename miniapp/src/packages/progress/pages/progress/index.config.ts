export default definePageConfig({
  navigationBarTitleText: '落实进度',
  enablePullDownRefresh: true,
});
