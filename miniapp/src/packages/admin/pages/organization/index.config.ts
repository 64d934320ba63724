export default definePageConfig({
  navigationBarTitleText: '单位成员',
});
